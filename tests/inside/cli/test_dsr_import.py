"""ado-do dsr-import: a DDEX DSR usage report becomes one declaration of the
licensee with a utilisation per usage line; a broken report, or one
imported already, is one line and leaves nothing.

The reports are collecting_society's DSR test files (its test_dsr reads
them cell by cell); here the command runs as a user runs it, on a demo
database of its own.
"""
import json

import pytest

from conftest import ADO, ado_do, err_lines, query

FILES = ADO / 'src' / 'collecting_society' / 'tests' / 'dsr'
BASIC = 'DSR_PADPIDA2026120101S_PADPIDA2026120102R_Premium_2026-06_DE'
BASIC_1 = str(FILES / f'{BASIC}_1of2_20260705T101500.tsv.gz')
BASIC_2 = str(FILES / f'{BASIC}_2of2_20260705T101500.tsv.gz')
UGC = FILES / ('DSR_PADPIDA2026120101S_PADPIDA2026120102R_AdSupport_2026-Q2_DE'
               '_1of1_20260705T101500.tsv')
DB = 'adotest_dsr'
LICENSEE = ('--licensee', 'Commons Stream')


@pytest.fixture(scope='module')
def db(installed):
    """A demo database where one recording has the report's first ISRC and
    one creation the ISWC of its second recording"""
    done = ado_do('db-demo-setup', DB)
    assert done.returncode == 0, done.stderr.decode()
    query(DB, "UPDATE creation SET iswc = 'T1234567894' WHERE title = 'Rhine at Night' "
          "RETURNING id")
    query(DB, "INSERT INTO creation_recording (creation, title, isrc, create_uid, create_date) "
          "SELECT id, title, 'DEA122600001', 0, now() FROM creation "
          "WHERE title = 'Common Ground' RETURNING id")
    return DB


def counts(db):
    return query(db, 'SELECT (SELECT count(*) FROM declaration), '
                     '(SELECT count(*) FROM utilisation)')[0]


def test_report_becomes_a_declaration(db):
    before = counts(db)
    done = ado_do('dsr-import', db, *LICENSEE, '--json', BASIC_2, BASIC_1)
    assert done.returncode == 0, err_lines(done)
    summary = json.loads(done.stdout)
    assert {key: summary[key] for key in (
        'message_id', 'profile', 'period', 'lines', 'utilisations', 'usages',
        'identified_by_isrc', 'identified_by_iswc', 'left_out_without_usages')} == {
        'message_id': 'MSG-2026-06-DE', 'profile': 'Basic Audio',
        'period': ['2026-06-01', '2026-06-30'], 'lines': 21, 'utilisations': 5,
        'usages': 7307, 'identified_by_isrc': 2, 'identified_by_iswc': 1,
        'left_out_without_usages': 0}
    assert counts(db) == (before[0] + 1, before[1] + 5)
    declaration = summary['declaration']
    assert query(db, 'SELECT p.name, c.code, d.date::text, d.end_date::text, d.streams, '
                     'd.dsr_sender, d.dsr_message_id, d.state FROM declaration d '
                     'JOIN licensee l ON l.id = d.licensee JOIN party_party p ON p.id = l.party '
                     'JOIN tariff_category c ON c.id = d.category WHERE d.id = %s',
                 (declaration,)) == [
        ('Commons Stream', 'stream', '2026-06-01', '2026-06-30', 7307,
         'PADPIDA2026120101S', 'MSG-2026-06-DE', 'draft')]
    rows = query(db, 'SELECT u.title, u.artist, u.count, u.duration, u.isrc, u.iswc, '
                     'u.resource_type, u.service_resource_id, u.service_work_id, '
                     'u.territory, u.commercial_model, u.use_type, u.revenue::text, '
                     'u.price::text, u.currency_code, c.title FROM utilisation u '
                     'LEFT JOIN creation c ON c.id = u.creation '
                     'WHERE u.declaration = %s ORDER BY u.id', (declaration,))
    assert rows[0] == (
        'Common Ground', 'Alice Adams', 1200, 210, 'DEA122600001', 'T0345246801',
        'SoundRecording', 'res-2001', 'wrk-3001', 'DE', 'SubscriptionModel',
        'OnDemandStream', None, '0.0050', 'EUR', 'Common Ground')
    assert [(row[0], row[2], row[10], row[15]) for row in rows] == [
        ('Common Ground', 1200, 'SubscriptionModel', 'Common Ground'),
        ('Common Ground', 800, 'AdvertisementSupportedModel', 'Common Ground'),
        ('Rhine at Night (Remastered 2011)', 300, 'SubscriptionModel', 'Rhine at Night'),
        ('Pulse', 5000, 'SubscriptionModel', None),
        ('Mystery Jam', 7, 'AdvertisementSupportedModel', None)]


def test_same_report_twice_is_refused(db):
    ado_do('dsr-import', db, *LICENSEE, BASIC_1, BASIC_2)  # imported once, at least
    before = counts(db)
    declaration, = query(db, "SELECT id FROM declaration WHERE dsr_message_id = "
                             "'MSG-2026-06-DE'")[0]
    done = ado_do('dsr-import', db, *LICENSEE, BASIC_1, BASIC_2)
    assert done.returncode == 1
    assert err_lines(done) == [
        f"Error: {db}: report 'MSG-2026-06-DE' of PADPIDA2026120101S was imported "
        f"already (declaration {declaration})"]
    assert counts(db) == before


def test_report_refused_at_its_foot_leaves_nothing(db):
    before = counts(db)
    done = ado_do('dsr-import', db, *LICENSEE, str(FILES / 'wrong_foot_count.tsv'))
    assert done.returncode == 1
    assert err_lines(done) == [
        f'Error: {FILES}/wrong_foot_count.tsv: line 14: FOOT NumberOfLinesInFile says 15, '
        'the file has 14 lines']
    assert counts(db) == before


def test_missing_file_is_refused(db):
    before = counts(db)
    done = ado_do('dsr-import', db, *LICENSEE, BASIC_1)
    assert done.returncode == 1
    assert err_lines(done) == [
        f"Error: {BASIC_1}: line 1: file 2 of 2 of report 'MSG-2026-06-DE' is missing"]
    assert counts(db) == before


def test_ugc_report_on_stdin(db):
    done = ado_do('dsr-import', db, *LICENSEE, '-', input=UGC.read_bytes())
    assert done.returncode == 0, err_lines(done)
    assert done.stdout == b''
    line, = err_lines(done)
    assert line.startswith('report MSG-UGC-2026-Q2 (UGC, 2026-04-01 to 2026-06-30, '
                           '1 files, 11 lines): declaration ')
    assert line.endswith('of Commons Stream, 2 utilisations, 1250 usages; identified by '
                         'ISRC 1, by ISWC 0; 0 lines without usages left out')
    assert query(db, "SELECT u.revenue::text, u.title FROM utilisation u JOIN declaration d "
                     "ON d.id = u.declaration WHERE d.dsr_message_id = 'MSG-UGC-2026-Q2' "
                     "ORDER BY u.id") == [('6.00', 'Common Ground'),
                                          ('1.50', 'Overture in Grey | Live')]


def test_unknown_licensee(db):
    done = ado_do('dsr-import', db, '--licensee', 'Nobody', str(UGC))
    assert done.returncode == 1
    assert err_lines(done) == [f"Error: {db}: there is no licensee 'Nobody'"]


def test_help_has_an_example():
    done = ado_do('dsr-import', '--help')
    assert done.returncode == 0
    assert 'Example:' in done.stdout.decode()
