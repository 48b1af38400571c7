"""The transaction-level edits of a work registration (NWR, REV): the rules
that look at more than one field or record, numbered as the
specification's "Transaction Level Validation" of NWR/REV.

Each rule adds Messages to the transaction; a rule that rejects (TR) makes
the ACK say RJ for that work, the other works of the file go on. Rules that
need the society's data (is this work registered already, is the IPI
known) belong to the importer, not here.
"""
from decimal import Decimal

from .errors import Message

# "Note that a tolerance of plus or minus 00006 (.06%) is allowed."
TOLERANCE = Decimal('0.06')
HUNDRED = Decimal(100)
RIGHTS = ('pr', 'mr', 'sr')
PUBLISHERS = ('SPU', 'OPU')
WRITERS = ('SWR', 'OWR')
# the detail records an NWR or REV may have (Transaction Format table)
WORK_DETAILS = frozenset({
    'SPU', 'NPN', 'SPT', 'OPT', 'OPU', 'SWR', 'NWN', 'SWT', 'PWR', 'OWR',
    'OWT', 'ALT', 'NAT', 'EWT', 'NET', 'NOW', 'VER', 'NVT', 'PER', 'NPR',
    'REC', 'ORN', 'INS', 'IND', 'COM', 'NCT', 'ARI', 'XRF'})
# the roles of an arrangement, a translation or an adaptation
ADAPTERS = {'AR', 'AD', 'SR', 'SA', 'TR'}
# the edit of a controlled territory's sequence number
TERRITORIES = {'SPT': 13, 'SWT': 10}
# which records a territory or a writer's publisher may follow
FOLLOWS = {
    'SPT': {'SPU', 'NPN', 'SPT', 'OPT'},
    'OPT': {'SPU', 'NPN', 'SPT', 'OPU', 'OPT'},
    'SWT': {'SWR', 'NWN', 'SWT'},
    'OWT': {'OWR', 'NWN', 'OWT'},
    'PWR': {'SWR', 'OWR', 'NWN', 'SWT', 'OWT', 'PWR'},
}


def check(transaction):
    "Run the rules of the transaction's type; return the transaction"
    if transaction.type in ('NWR', 'REV'):
        for rule in RULES:
            rule(transaction)
    return transaction


def _reject(transaction, record, edit, text, kind='T'):
    transaction.messages.append(Message(kind, 'T',
        getattr(record, 'record_sequence', 0), record.record_type, edit,
        text))


def allowed_records(transaction):
    "8. Detail records other than those listed may not be submitted (RR)"
    kept = []
    for record in transaction.records:
        if record.record_type in WORK_DETAILS:
            kept.append(record)
        else:
            _reject(transaction, record, 8, f'a {record.record_type} record '
                f'has no place in {transaction.type}', kind='R')
    transaction.records = kept


def record_order(transaction):
    """Territories follow their publisher or writer, with the same
    interested party number; a PWR follows its writer (SPT, SWT and PWR
    edits)."""
    previous = transaction.header
    party = None        # the last publisher or writer
    for record in transaction.records:
        kind = record.record_type
        if kind in PUBLISHERS + WRITERS:
            party = record
        elif kind in FOLLOWS:
            if previous.record_type not in FOLLOWS[kind]:
                _reject(transaction, record, 1, f'{kind} after '
                    f'{previous.record_type}: it follows one of '
                    f'{", ".join(sorted(FOLLOWS[kind]))}')
            else:
                _same_party(transaction, record, party)
        previous = record


def _same_party(transaction, record, party):
    if record.record_type == 'PWR':
        number, edit = record.writer_ip_number, 11
    else:
        number, edit = record.interested_party_number, 2
    # a party without its number has its own message already
    known = party and party.interested_party_number
    if number and known and number != known:
        _reject(transaction, record, edit, f'{record.record_type} names '
            f'interested party {number}, the {party.record_type} before it '
            f'is {party.interested_party_number}')


def territories(transaction):
    """SPT 12-13, SWT 9-10: a controlled party's territories are numbered
    1, 2, ... (RR: a misnumbered one is left out). The non-controlled OPT
    and OWT are "not authoritative" and not checked."""
    expected = {}       # per territory record type, the next number
    for record in list(transaction.records):
        kind = record.record_type
        if kind in PUBLISHERS:
            expected['SPT'] = 1
        elif kind in WRITERS:
            expected['SWT'] = 1
        elif kind in TERRITORIES:
            number = expected.get(kind, 1)
            if record.sequence_number == number:
                expected[kind] = number + 1
                continue
            _reject(transaction, record, TERRITORIES[kind], f'{kind} '
                f'sequence number {record.sequence_number}, expected '
                f'{number}', kind='R')
            transaction.records.remove(record)


def writer_publishers(transaction):
    """PWR 12 (and 7 in 2.2): a writer's publisher is a publisher of the
    work: its interested party number (and its chain's sequence number)
    are an SPU's or OPU's (TR)."""
    publishers = transaction.of_type(*PUBLISHERS)
    numbers = {p.interested_party_number for p in publishers}
    chains = {p.publisher_sequence for p in publishers}
    # an SPU without its number has its own message already
    known = all(p.interested_party_number for p in publishers
        if p.record_type == 'SPU')
    for link in transaction.of_type('PWR'):
        number = link.publisher_ip_number
        if number and known and number not in numbers:
            _reject(transaction, link, 12, f'PWR names publisher {number}, '
                'who is not among the work\'s SPU and OPU')
        sequence = getattr(link, 'publisher_sequence', None)
        if sequence is not None and sequence not in chains:
            _reject(transaction, link, 7, f'PWR names publisher chain '
                f'{sequence}, the work has no such chain')


def writers(transaction):
    "12. A transaction must contain at least one writer record (TR)"
    if not transaction.of_type(*WRITERS):
        _reject(transaction, transaction.header, 12,
            'the work has no writer (SWR or OWR)')


def ownership_shares(transaction):
    """11. The ownership shares of all writers and publishers add up to
    100 % (within the tolerance) or 0 %, for each right (TR)."""
    parties = transaction.of_type(*PUBLISHERS, *WRITERS)
    for right in RIGHTS:
        total = sum((getattr(party, f'{right}_share') or 0
            for party in parties), Decimal(0))
        if total > HUNDRED + TOLERANCE:
            _reject(transaction, transaction.header, 11,
                f'{right.upper()} ownership shares add up to {total:.2f} %, '
                'more than 100 %')
        elif total and total < HUNDRED - TOLERANCE:
            _reject(transaction, transaction.header, 11,
                f'{right.upper()} ownership shares add up to {total:.2f} %: '
                'they add up to 100 % (or 0 % for a right not registered)')


def collection_shares(transaction):
    """14. The collection shares of a territory cannot exceed 100 % for a
    right (TR). Territories are compared by their TIS code only: an
    overlap of, say, the world and Germany is not summed."""
    totals = {}
    for record in transaction.of_type('SPT', 'SWT'):
        if record.inclusion_exclusion != 'I':
            continue
        for right in RIGHTS:
            key = (record.tis_code, right)
            totals[key] = totals.get(key, 0) + (
                getattr(record, f'{right}_collection_share') or 0)
    for (territory, right), total in sorted(totals.items()):
        if total > HUNDRED + TOLERANCE:
            _reject(transaction, transaction.header, 14,
                f'{right.upper()} collection shares in territory {territory} '
                f'add up to {total:.2f} %, more than 100 %')


def publisher_chains(transaction):
    """SPU 2, field 1: chains are numbered 1, 2, ... and each starts with
    its original publisher (E) or income participant (PA) (TR); an OPU
    without a type counts as E, as the specification defaults it."""
    chains = 0
    for publisher in transaction.of_type(*PUBLISHERS):
        sequence = publisher.publisher_sequence
        if sequence == chains + 1:
            chains += 1
            kind = publisher.publisher_type or 'E'
            if kind not in ('E', 'PA'):
                _reject(transaction, publisher, 2, f'publisher chain '
                    f'{sequence} starts with publisher type {kind}: a chain '
                    'starts with E or PA')
        elif sequence != chains:
            _reject(transaction, publisher, 1, f'publisher sequence '
                f'{sequence}, expected {chains or 1}'
                + (f' or {chains + 1}' if chains else ''))


def publisher_ownership(transaction):
    """SPU 19. Only original publishers and acquirers (E, AQ) own shares
    (TR)."""
    for publisher in transaction.of_type('SPU'):
        owns = any(getattr(publisher, f'{right}_share') for right in RIGHTS)
        if owns and publisher.publisher_type not in ('E', 'AQ', None):
            _reject(transaction, publisher, 19, f'publisher '
                f'{publisher.interested_party_number} of type '
                f'{publisher.publisher_type} owns shares: only E and AQ do')


def versions(transaction):
    """10, 23. A modified work (MOD) has an arranger, adapter or translator;
    an original (ORI) has none (TR). Field edits 14, 15: a MOD names its
    music arrangement and lyric adaptation (TR)."""
    work = transaction.header
    roles = {writer.writer_designation
        for writer in transaction.of_type(*WRITERS)}
    if work.version_type == 'MOD':
        if not roles & ADAPTERS:
            _reject(transaction, work, 10, 'a modified work (MOD) without '
                'an arranger, adapter, sub-author or translator')
        for name, edit in (('music_arrangement', 14),
                ('lyric_adaptation', 15)):
            if getattr(work, name) is None:
                _reject(transaction, work, edit, f'a modified work (MOD) '
                    f'without its {name.replace("_", " ")}')
    elif work.version_type == 'ORI' and roles & ADAPTERS:
        _reject(transaction, work, 23, 'an original work (ORI) with '
            f'{", ".join(sorted(roles & ADAPTERS))} writers')


def serious_duration(transaction):
    "Field edit 7. A serious work (SER) has a duration (TR)"
    work = transaction.header
    if work.musical_work_distribution_category == 'SER' and not work.duration:
        _reject(transaction, work, 7, 'a serious work (SER) without its '
            'duration')


def single_records(transaction):
    "EWT, VER 1. Only one EWT and one VER per transaction (TR)"
    for kind in ('EWT', 'VER'):
        for extra in transaction.of_type(kind)[1:]:
            _reject(transaction, extra, 1, f'a second {kind} record')


RULES = (allowed_records, record_order, territories, writer_publishers,
    writers, ownership_shares, collection_shares, publisher_chains,
    publisher_ownership, versions, serious_duration, single_records)
