"""ado-do cwr-import: a CWR file in, its ACK out; a broken file is one line.

The files are collecting_society's CWR test files (its test_cwr reads them
field by field); here the command is run as a user runs it.
"""
from conftest import ADO, ado_do, err_lines

FILES = ADO / 'src' / 'collecting_society' / 'tests' / 'cwr'
# a database every server has; the import does not store anything yet
DBNAME = 'postgres'


def test_ack_to_stdout():
    done = ado_do('cwr-import', DBNAME, '-',
                  input=(FILES / 'mixed.V21').read_bytes())
    assert done.returncode == 0, err_lines(done)
    records = done.stdout.decode('ascii').split('\r\n')
    assert [record[:3] for record in records] == [
        'HDR', 'GRH', 'ACK', 'MSG', 'ACK', 'MSG', 'ACK', 'GRT', 'TRL', '']
    assert records[0].startswith('HDRSO')
    assert [record[-2:] for record in records if record.startswith('ACK')] == [
        'AC', 'RJ', 'AS']
    assert err_lines(done) == ['<stdin>: CWR 2.1, 3 works (1 AC, 1 AS, 1 RJ)']


def test_file_argument_in_its_version():
    done = ado_do('cwr-import', DBNAME, str(FILES / 'valid.V22'))
    assert done.returncode == 0, err_lines(done)
    hdr, grh, *_ = done.stdout.decode('ascii').split('\r\n')
    assert hdr[101:104] == '2.2'
    assert grh == 'GRHACK0000102.200000000000  '


def test_refused_file_is_one_line_and_no_ack():
    done = ado_do('cwr-import', DBNAME, '-',
                  input=(FILES / 'wrong_trl_count.V21').read_bytes())
    assert done.returncode == 1
    assert done.stdout == b''
    assert err_lines(done) == [
        'Error: <stdin>: line 29: TRL says 4 transactions, the file has 3']


def test_missing_database():
    done = ado_do('cwr-import', 'adotest_missing', str(FILES / 'valid.V21'))
    assert done.returncode == 1
    assert done.stdout == b''
    assert err_lines(done) == ["Error: database 'adotest_missing' does not exist"]


def test_help_has_an_example():
    done = ado_do('cwr-import', '--help')
    assert done.returncode == 0
    assert 'Example:' in done.stdout.decode()
