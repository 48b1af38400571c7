"""Store the works of a CWR file in the society's database, in bulk.

    store = Store(cursor, submitter='PB000000123', name='ABC MUSIC')
    for batch in batches(reader):
        for answer in store.works(batch):
            writer.write(answer)

`cursor` is a psycopg 3 cursor of the database's one transaction: nothing
here commits, so the caller keeps a whole file undone until its trailer is
read (a refused file leaves nothing). Each batch costs a few queries and a
COPY per table, never a query per row: a catalogue is 100,000 works.

What a work registration (NWR, REV) becomes:

- the work: a creation (title, ISWC) without a web user (the back office's),
  and a registration: the submitter and its work number;
- each writer (SWR, OWR) and publisher (SPU, OPU): an artist (a publisher
  one marked `publisher`), found by its IPI name number, else by name among
  the writers and publishers the society recorded without a web user and
  without IPI, else made (no web user: not a member);
- ownership shares, per CWR right -> ado's rights:
  PR (performing) -> `composition`: the musical work as CWR registers it,
  music with its words (a text-only work, TXT, -> `lyrics`). ado licenses
  performances: MR (mechanical) and SR (synchronisation) are read and
  checked, not stored. Collection shares (SPT, SWT) are territorial and not
  stored: ado pays by ownership. The shares of one right add up to 100 %
  within CWR's tolerance of 0.06; ado's add up to exactly 100, so the
  difference goes to the largest share;
- each REC: a recording of the creation (its ISRC, title, duration, the
  display artist or first performer).

The answer per work (ACK transaction status):

- RJ: the checks rejected it; nothing of it is stored;
- AS, or AC when the checks or this store left a record or field out: a new
  creation, or a REV of the submitter's own registration applied (title,
  ISWC, its rights replaced, new recordings added);
- DU: an NWR of a work this submitter registered already (its work number
  or the ISWC), in an earlier file or earlier in this one; nothing changes;
- CO: a work another submitter (or the society) registered, by its ISWC,
  whose rights already have holders: the claims would exceed 100 %. The
  registration is kept, marked conflict, with its claims in words; the
  creation's rights stay as they were until staff resolve it.

The society's work number in the ACK is the creation's UUID without its
dashes, cut to the ACK's 20 characters (80 random bits).
"""
import datetime
import uuid
from decimal import Decimal

from .ack import Answer
from .errors import Message

BATCH = 1000
HUNDRED = Decimal(100)
RIGHTS = ('composition', 'lyrics')
# one import at a time: two imports of one submitter's file must not both
# find a work unregistered
LOCK = 'collecting_society.cwr_import'


def work_number(creation_uuid):
    "The society's work number of a creation, as the ACK gives it"
    return creation_uuid.replace('-', '')[:20]


def batches(transactions, size=BATCH):
    batch = []
    for transaction in transactions:
        batch.append(transaction)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Store:
    """Stores works for the submitter named by the file's header (its sender
    type and ID, and its name)"""

    def __init__(self, cursor, submitter, name=None, uid=0):
        self.cursor = cursor
        self.submitter = submitter
        self.name = name
        self.uid = uid
        self.now = datetime.datetime.now(datetime.timezone.utc).replace(
            tzinfo=None)
        cursor.execute('SELECT pg_advisory_xact_lock(hashtext(%s))', (LOCK,))
        # works seen: the submitter's work number, the ISWC -> creation
        self.numbers = {}
        self.iswcs = {}
        self.parties = {}       # party key -> artist id
        self.isrcs = {}         # ISRC -> creation
        self.held = set()       # creations that have rights holders

    # -- one batch ---------------------------------------------------------

    def works(self, transactions):
        "The Answer to each transaction, its work stored as it says"
        kept = [t for t in transactions if not t.rejected]
        self._find_works(kept)
        self._find_isrcs(kept)
        plan = _Plan()
        answers = []
        for transaction in transactions:
            if transaction.rejected:
                answers.append(Answer(transaction, status='RJ'))
            else:
                answers.append(self._decide(transaction, plan))
        self._find_parties(plan)
        self._write(plan)
        return answers

    def _decide(self, transaction, plan):
        work = transaction.header
        number = work.submitter_work_number
        own = self.numbers.get(number)
        other = None
        if own is None and work.iswc:
            found = self.iswcs.get(work.iswc)
            if found and found[2]:
                own = found
            elif found:
                other = found
        if own and transaction.type == 'NWR':
            return Answer(transaction, status='DU',
                work_number=work_number(own[1]))
        if own:
            return self._revise(transaction, own, plan)
        if other:
            return self._claim(transaction, other, plan)
        return self._create(transaction, plan)

    def _create(self, transaction, plan):
        work = transaction.header
        creation = [None, str(uuid.uuid4()), True]     # id once allocated
        writer = _writers(transaction)[0]   # the checks want one
        plan.parties.setdefault(_key(writer), _name(writer))
        plan.creations.append((creation, work, writer))
        self._register(transaction, creation, plan)
        answer = Answer(transaction, work_number=work_number(creation[1]))
        self._rights(transaction, creation, plan)
        self._recordings(transaction, creation, answer, plan)
        return _settled(answer)

    def _revise(self, transaction, creation, plan):
        work = transaction.header
        answer = Answer(transaction, work_number=work_number(creation[1]))
        iswc = work.iswc
        holder = self.iswcs.get(iswc) if iswc else None
        if holder and holder[0] != creation[0]:
            answer.messages.append(Message('F', 'T', 0, transaction.type, 0,
                f'ISWC {iswc} is another work\'s: the work keeps its ISWC'))
            iswc = None
        if iswc:
            self.iswcs[iswc] = creation
        plan.updates.append((creation, work.work_title, iswc))
        plan.replaced.append(creation)
        # an NWR earlier in this batch: its rights are not written yet
        plan.rights = [r for r in plan.rights if r[0] is not creation]
        if work.submitter_work_number not in self.numbers:
            self._register(transaction, creation, plan)
        self._rights(transaction, creation, plan)
        self._recordings(transaction, creation, answer, plan)
        return _settled(answer)

    def _claim(self, transaction, creation, plan):
        "A registered work of another submitter: its holders, or a conflict"
        answer = Answer(transaction, work_number=work_number(creation[1]))
        held = creation[0] in self.held
        claims = _claims(transaction)
        if held and claims:
            self._register(transaction, creation, plan, conflict=claims)
            answer.status = 'CO'
            answer.messages.append(Message('T', 'T', 0, transaction.type, 0,
                'the work is registered with other rights holders: these '
                'claims would make more than 100 %; held until resolved'))
            return answer
        self._register(transaction, creation, plan)
        self._rights(transaction, creation, plan)
        self._recordings(transaction, creation, answer, plan)
        return _settled(answer)

    def _register(self, transaction, creation, plan, conflict=None):
        work = transaction.header
        self.numbers[work.submitter_work_number] = creation
        if work.iswc and work.iswc not in self.iswcs:
            self.iswcs[work.iswc] = creation
        plan.registrations.append((creation, work.submitter_work_number,
            conflict))

    def _rights(self, transaction, creation, plan):
        shares = {}
        for party in _parties(transaction):
            share = party.pr_share
            if share:
                key = _key(party)
                plan.parties.setdefault(key, _name(party))
                shares[key] = shares.get(key, 0) + share
        if not shares:
            return
        # CWR allows 100 % +- 0.06; ado's shares add up to exactly 100
        largest = max(shares, key=lambda key: (shares[key], str(key)))
        shares[largest] += HUNDRED - sum(shares.values())
        right = 'lyrics' if (transaction.header.text_music_relationship
            == 'TXT') else 'composition'
        for key, share in shares.items():
            plan.rights.append((creation, right, key, share))
        self.held.add(creation[0])

    def _recordings(self, transaction, creation, answer, plan):
        work = transaction.header
        performers = transaction.of_type('PER')
        performer = performers and ' '.join(filter(None, (
            performers[0].performing_artist_first_name,
            performers[0].performing_artist_last_name)))
        for record in transaction.of_type('REC'):
            isrc = record.isrc
            if isrc and isrc in self.isrcs:
                known = self.isrcs[isrc]
                if known is not creation and known[0] != creation[0]:
                    answer.messages.append(Message('R', 'T',
                        record.record_sequence, 'REC', 0, f'ISRC {isrc} is '
                        'another work\'s recording: the REC is left out'))
                continue
            if isrc:
                self.isrcs[isrc] = creation
            plan.recordings.append((creation,
                getattr(record, 'recording_title', None) or work.work_title,
                isrc, record.release_duration,
                getattr(record, 'display_artist', None) or performer or None))

    # -- what the database knows -------------------------------------------

    def _find_works(self, transactions):
        "The works of the batch that earlier files registered"
        numbers = [t.header.submitter_work_number for t in transactions
            if t.header.submitter_work_number not in self.numbers]
        iswcs = [t.header.iswc for t in transactions
            if t.header.iswc and t.header.iswc not in self.iswcs]
        self.cursor.execute(
            'SELECT r.work_number, c.id, c.uuid FROM creation_registration '
            'AS r JOIN creation AS c ON c.id = r.creation '
            'WHERE r.submitter = %s AND r.work_number = ANY(%s)',
            (self.submitter, numbers))
        for number, id_, uuid_ in self.cursor.fetchall():
            self.numbers[number] = [id_, uuid_, True]
        self.cursor.execute(
            'SELECT c.iswc, c.id, c.uuid, EXISTS (SELECT 1 FROM '
            'creation_registration AS r WHERE r.creation = c.id '
            'AND r.submitter = %s) FROM creation AS c '
            'WHERE c.iswc = ANY(%s)', (self.submitter, iswcs))
        found = self.cursor.fetchall()
        for iswc, id_, uuid_, own in found:
            self.iswcs[iswc] = [id_, uuid_, own]
        # which of them have rights holders already (a claim on them is CO;
        # the works of this file are in `held` once given rights)
        ids = [id_ for _, id_, _, _ in found]
        self.cursor.execute(
            'SELECT DISTINCT creation FROM creation_right '
            'WHERE creation = ANY(%s)', (ids,))
        self.held.update(id_ for id_, in self.cursor.fetchall())

    def _find_isrcs(self, transactions):
        isrcs = [r.isrc for t in transactions for r in t.of_type('REC')
            if r.isrc and r.isrc not in self.isrcs]
        self.cursor.execute('SELECT isrc, creation FROM creation_recording '
            'WHERE isrc = ANY(%s)', (isrcs,))
        for isrc, creation in self.cursor.fetchall():
            self.isrcs[isrc] = [creation]

    def _find_parties(self, plan):
        "Artist ids of the parties the batch names, made where missing"
        wanted = [key for key in plan.parties if key not in self.parties]
        numbers = [key[1] for key in wanted if key[0] == 'ipi']
        self.cursor.execute('SELECT ipi_name_number, id FROM artist '
            'WHERE ipi_name_number = ANY(%s)', (numbers,))
        for number, id_ in self.cursor.fetchall():
            self.parties[('ipi', number)] = id_
        names = [key[2] for key in wanted if key[0] == 'name']
        self.cursor.execute('SELECT name, COALESCE(publisher, false), '
            'MIN(id) FROM artist WHERE web_user IS NULL AND '
            'ipi_name_number IS NULL AND name = ANY(%s) GROUP BY 1, 2',
            (names,))
        for name, publisher, id_ in self.cursor.fetchall():
            self.parties[('name', publisher, name)] = id_
        new = [key for key in wanted if key not in self.parties]
        for key, id_ in zip(new, self._ids('artist', len(new))):
            self.parties[key] = id_
        self._copy('artist', ('id', 'create_uid', 'create_date', 'name',
                'uuid', 'ipi_name_number', 'ipi_base_number', 'publisher',
                'group', 'performing_society', 'mechanical_society'),
            [(self.parties[key], self.uid, self.now, plan.parties[key][0],
                str(uuid.uuid4()), key[1] if key[0] == 'ipi' else None,
                *plan.parties[key][1:3], False,
                *self._societies(plan.parties[key][3:]))
            for key in new])

    def _societies(self, codes):
        if not hasattr(self, 'societies'):
            self.cursor.execute(
                'SELECT code, id FROM collecting_society_society')
            self.societies = dict(self.cursor.fetchall())
        return [self.societies.get(code) for code in codes]

    # -- writing -------------------------------------------------------------

    def _write(self, plan):
        new = plan.creations
        for (creation, *_), id_ in zip(new, self._ids('creation', len(new))):
            creation[0] = id_
        self._copy('creation', ('id', 'create_uid', 'create_date', 'title',
                'iswc', 'uuid', 'artist'),
            [(c[0], self.uid, self.now, work.work_title, work.iswc, c[1],
                self.parties[_key(writer)]) for c, work, writer in new])
        self.cursor.executemany(
            'UPDATE creation SET title = %s, iswc = COALESCE(%s, iswc), '
            'write_uid = %s, write_date = %s WHERE id = %s',
            [(title, iswc, self.uid, self.now, c[0])
                for c, title, iswc in plan.updates])
        self.cursor.execute(
            'DELETE FROM creation_right WHERE creation = ANY(%s) '
            'AND "right" = ANY(%s)',
            ([c[0] for c in plan.replaced], list(RIGHTS)))
        self._copy('creation_right', ('create_uid', 'create_date',
                'creation', 'right', 'rights_holder', 'share'),
            [(self.uid, self.now, c[0], right, self.parties[key], share)
                for c, right, key, share in plan.rights])
        self._copy('creation_registration', ('create_uid', 'create_date',
                'creation', 'submitter', 'submitter_name', 'work_number',
                'conflict', 'claims'),
            [(self.uid, self.now, c[0], self.submitter, self.name, number,
                bool(claims), claims)
                for c, number, claims in plan.registrations])
        self._copy('creation_recording', ('create_uid', 'create_date',
                'creation', 'title', 'isrc', 'duration', 'performer'),
            [(self.uid, self.now, c[0], *values)
                for c, *values in plan.recordings])

    def _ids(self, table, count):
        "`count` new ids of `table` (its identity column's sequence)"
        if not count:
            return []
        self.cursor.execute('SELECT nextval(pg_get_serial_sequence(%s, '
            '\'id\')) FROM generate_series(1, %s)', (table, count))
        return [id_ for id_, in self.cursor.fetchall()]

    def _copy(self, table, columns, rows):
        if not rows:
            return
        names = ', '.join(f'"{name}"' for name in columns)
        with self.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)


class _Plan:
    "What a batch writes"

    def __init__(self):
        self.creations = []     # (creation, work, its first writer)
        self.updates = []       # (creation, title, ISWC or None)
        self.replaced = []      # creations whose rights a REV replaces
        self.rights = []        # (creation, right, party key, share)
        self.registrations = []  # (creation, work number, claims or None)
        self.recordings = []    # (creation, title, ISRC, duration, performer)
        self.parties = {}       # party key -> (name, IPI base, publisher,
        #                         PR society, MR society)


def _settled(answer):
    "AC when a record or field was left out, else AS"
    changed = answer.transaction.changed or any(
        message.type in 'RF' for message in answer.messages)
    answer.status = 'AC' if changed else 'AS'
    return answer


def _writers(transaction):
    return transaction.of_type('SWR') + transaction.of_type('OWR')


def _parties(transaction):
    return transaction.of_type('SPU', 'OPU', 'SWR', 'OWR')


def _publisher(party):
    return party.record_type in ('SPU', 'OPU')


def _key(party):
    "How a party is found: its IPI name number, else its kind and name"
    prefix = 'publisher' if _publisher(party) else 'writer'
    number = getattr(party, f'{prefix}_ipi_name_number')
    if number:
        return ('ipi', number)
    return ('name', _publisher(party), _name(party)[0])


def _name(party):
    "(name, IPI base number, publisher, PR society, MR society)"
    if _publisher(party):
        name = party.publisher_name or 'UNKNOWN PUBLISHER'
        base = party.publisher_ipi_base_number
    else:
        name = ' '.join(filter(None, (party.writer_first_name,
            party.writer_last_name))) or 'UNKNOWN WRITER'
        base = party.writer_ipi_base_number
    return (name, base, _publisher(party), party.pr_society,
        party.mr_society)


def _claims(transaction):
    "The ownership claims of a work in words, one per line"
    return '\n'.join(
        f'{_name(p)[0]} ({_key(p)[1] if _key(p)[0] == "ipi" else "no IPI"}):'
        f' PR {p.pr_share or 0} %, MR {p.mr_share or 0} %, '
        f'SR {p.sr_share or 0} %'
        for p in _parties(transaction)
        if p.pr_share or p.mr_share or p.sr_share)
