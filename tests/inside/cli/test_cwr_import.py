"""ado-do cwr-import: a CWR file in, its works stored, its ACK out; a broken
file is one line and leaves nothing.

The files are collecting_society's CWR test files (its test_cwr reads them
field by field); here the command is run as a user runs it, on copies of
the demo database.
"""
import itertools

import pytest
from conftest import ADO, ado_do, connect, err_lines, query, table_digests

FILES = ADO / 'src' / 'collecting_society' / 'tests' / 'cwr'
_numbers = itertools.count()


@pytest.fixture
def dbname(demo_db):
    "A copy of the demo database of its own (from the template: fast)"
    name = f'adotest_cwr_{next(_numbers)}'
    done = ado_do('db-demo-setup', name)
    assert done.returncode == 0, err_lines(done)
    return name


def cwr_import(dbname, name):
    return ado_do('cwr-import', dbname, '-', input=(FILES / name).read_bytes())


def acks(done):
    "(status, society's work number, submitter's work number) per ACK record"
    return [(record[157:159], record[129:149].strip(), record[109:129].strip())
            for record in done.stdout.decode('ascii').split('\r\n')
            if record.startswith('ACK')]


def test_works_stored_and_answered(dbname):
    done = cwr_import(dbname, 'mixed.V21')
    assert done.returncode == 0, err_lines(done)
    records = done.stdout.decode('ascii').split('\r\n')
    assert [record[:3] for record in records] == [
        'HDR', 'GRH', 'ACK', 'MSG', 'ACK', 'MSG', 'ACK', 'GRT', 'TRL', '']
    assert records[0].startswith('HDRSO')
    assert [status for status, *_ in acks(done)] == ['AC', 'RJ', 'AS']
    assert err_lines(done) == ['<stdin>: CWR 2.1, 3 works (1 AC, 1 AS, 1 RJ)']
    # the accepted works are creations; the rejected one is not
    assert query(dbname, "SELECT c.title, c.iswc, r.work_number FROM creation c "
                 "JOIN creation_registration r ON r.creation = c.id "
                 "WHERE r.submitter = 'PB000000199' ORDER BY c.title") == [
        ('EVENING STAR', 'T9000000011', 'PUB0003'),
        ('MORNING LIGHT', None, 'PUB0001')]   # its bad ISWC left out (AC)
    assert query(dbname, "SELECT a.name, a.ipi_name_number, a.publisher, "
                 "r.right, r.share FROM creation_right r "
                 "JOIN artist a ON a.id = r.rights_holder "
                 "JOIN creation c ON c.id = r.creation "
                 "WHERE c.title = 'EVENING STAR' ORDER BY a.name") == [
        ('ANN MILLER', '25016500657', False, 'composition', 50),
        ('MUSIC PUB', '00000000199', True, 'composition', 50)]


def test_ack_work_numbers_are_the_creations(dbname):
    done = cwr_import(dbname, 'valid.V21')
    assert done.returncode == 0, err_lines(done)
    stored = dict(query(dbname, "SELECT r.work_number, "
                        "left(replace(c.uuid, '-', ''), 20) FROM creation c "
                        "JOIN creation_registration r ON r.creation = c.id"))
    answered = acks(done)
    assert len(answered) == 3
    assert [number for _, number, _ in answered] == [
        stored[submitted] for _, _, submitted in answered]


def test_same_file_twice_is_duplicate(dbname):
    first = cwr_import(dbname, 'valid.V21')
    assert first.returncode == 0, err_lines(first)
    count = query(dbname, 'SELECT count(*) FROM creation')
    again = cwr_import(dbname, 'valid.V21')
    assert again.returncode == 0, err_lines(again)
    assert [status for status, *_ in acks(again)] == ['DU', 'DU', 'AS']
    assert [number for _, number, _ in acks(again)] == [
        number for _, number, _ in acks(first)]
    assert query(dbname, 'SELECT count(*) FROM creation') == count


def test_refused_file_leaves_nothing(dbname):
    cwr_import(dbname, 'valid.V22')     # something there already
    before = table_digests(dbname)
    done = cwr_import(dbname, 'wrong_trl_count.V21')
    assert done.returncode == 1
    assert done.stdout == b''
    assert err_lines(done) == [
        'Error: <stdin>: line 29: TRL says 4 transactions, the file has 3']
    assert table_digests(dbname) == before


def test_refused_after_a_batch_leaves_nothing(dbname):
    """A file refused at its trailer after a full batch of works was stored:
    the transaction is undone"""
    from collecting_society.cwr.store import BATCH
    from collecting_society.tests.test_cwr import catalogue
    lines = list(catalogue(BATCH + 1))
    assert lines[-1].startswith(f'TRL00001{BATCH + 1:08d}')
    lines[-1] = lines[-1].replace(f'{BATCH + 1:08d}', f'{BATCH + 2:08d}', 1)
    before = table_digests(dbname)
    done = ado_do('cwr-import', dbname, '-',
                  input=''.join(line + '\r\n' for line in lines).encode('ascii'))
    assert done.returncode == 1
    assert done.stdout == b''
    assert err_lines(done)[-1].endswith(
        f'TRL says {BATCH + 2} transactions, the file has {BATCH + 1}')
    assert table_digests(dbname) == before


def test_society_from_configuration(dbname):
    with connect(dbname) as conn:
        conn.execute("UPDATE collecting_society_configuration "
                     "SET society_code = '123', society_name = 'Test Society'")
    done = ado_do('cwr-import', dbname, str(FILES / 'valid.V22'))
    assert done.returncode == 0, err_lines(done)
    hdr, grh, *_ = done.stdout.decode('ascii').split('\r\n')
    assert hdr[:59].rstrip() == 'HDRSO000000123TEST SOCIETY'
    assert hdr[101:104] == '2.2'
    assert grh == 'GRHACK0000102.200000000000  '


def test_database_without_the_module():
    done = ado_do('cwr-import', 'postgres', str(FILES / 'valid.V21'))
    assert done.returncode == 1
    assert done.stdout == b''
    assert err_lines(done) == [("Error: database 'postgres' has no CWR registrations: "
                                "ado-do update -m collecting_society postgres")]


def test_missing_database():
    done = ado_do('cwr-import', 'adotest_missing', str(FILES / 'valid.V21'))
    assert done.returncode == 1
    assert done.stdout == b''
    assert err_lines(done) == ["Error: database 'adotest_missing' does not exist"]


def test_help_has_an_example():
    done = ado_do('cwr-import', '--help')
    assert done.returncode == 0
    assert 'Example:' in done.stdout.decode()
