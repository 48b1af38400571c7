"""db-backup then db-restore gives the same rows in every table, and the files."""
import io
import json
import tarfile

import pytest

from conftest import STORE, ado_do, databases, err_lines, table_digests


@pytest.fixture(scope='module')
def demo_with_file(demo_db):
    (STORE / demo_db / 'cd').mkdir(parents=True, exist_ok=True)
    (STORE / demo_db / 'cd' / 'attachment').write_bytes(b'\x00attached bytes')
    return demo_db


@pytest.mark.parametrize('dump_format', ['plain', 'custom'])
def test_round_trip(demo_db, dump_format, tmp_path):
    done = ado_do('db-backup', '--format', dump_format, demo_db)
    assert done.returncode == 0, err_lines(done)
    assert err_lines(done) == [f'database {demo_db} backed up']
    if dump_format == 'plain':
        assert done.stdout.startswith(b'--\n-- PostgreSQL database dump')
    else:
        assert done.stdout.startswith(b'PGDMP')
    dump = tmp_path / 'dump'
    dump.write_bytes(done.stdout)
    target = f'adotest_restored_{dump_format}'
    restored = ado_do('db-restore', target, str(dump))
    assert restored.returncode == 0, err_lines(restored)
    assert restored.stdout == b''
    assert table_digests(target) == table_digests(demo_db)
    assert len(table_digests(target)) > 50


def test_restore_from_stdin(demo_db):
    dump = ado_do('db-backup', '--format', 'custom', demo_db).stdout
    restored = ado_do('db-restore', 'adotest_from_stdin', input=dump)
    assert restored.returncode == 0, err_lines(restored)
    assert table_digests('adotest_from_stdin') == table_digests(demo_db)


def test_with_files_archive_round_trip(demo_with_file, tmp_path):
    done = ado_do('db-backup', '--with-files', demo_with_file)
    assert done.returncode == 0, err_lines(done)
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile('manifest.json'))
    assert 'database.dump' in names and 'filestore/cd/attachment' in names
    assert manifest['database'] == demo_with_file
    assert 'collecting_society' in manifest['activated_modules']
    assert manifest['modules']['collecting_society']
    archive = tmp_path / 'backup.tar'
    archive.write_bytes(done.stdout)
    restored = ado_do('db-restore', 'adotest_with_files', str(archive))
    assert restored.returncode == 0, err_lines(restored)
    assert table_digests('adotest_with_files') == table_digests(demo_with_file)
    assert (STORE / 'adotest_with_files' / 'cd' / 'attachment').read_bytes() == \
        b'\x00attached bytes'


def test_restore_refuses_existing_unless_force(demo_db, tmp_path):
    ado_do('db-create', 'adotest_existing')
    dump = tmp_path / 'dump'
    dump.write_bytes(ado_do('db-backup', demo_db).stdout)
    refused = ado_do('db-restore', 'adotest_existing', str(dump))
    assert refused.returncode == 1
    assert err_lines(refused) == [
        "Error: database 'adotest_existing' exists; use --force to replace it"]
    assert table_digests('adotest_existing') == {}
    forced = ado_do('db-restore', '--force', 'adotest_existing', str(dump))
    assert forced.returncode == 0, err_lines(forced)
    assert table_digests('adotest_existing') == table_digests(demo_db)


@pytest.mark.parametrize('content', [b'not sql at all;\n', b'PGDMP garbage', b''])
def test_failed_restore_leaves_nothing(content, tmp_path):
    bad = tmp_path / 'bad'
    bad.write_bytes(content)
    before = databases()
    done = ado_do('db-restore', 'adotest_bad', str(bad))
    assert done.returncode == 1
    assert err_lines(done)[-1].startswith('Error: ')
    assert 'nothing was restored' in err_lines(done)[-1]
    assert databases() == before
    assert not (STORE / 'adotest_bad').exists()


def test_truncated_dump_leaves_nothing(demo_db, tmp_path):
    dump = ado_do('db-backup', demo_db).stdout
    bad = tmp_path / 'truncated.sql'
    bad.write_bytes(dump[:len(dump) // 2])
    before = databases()
    done = ado_do('db-restore', 'adotest_truncated', str(bad))
    assert done.returncode == 1
    assert databases() == before


def test_backup_writes_nothing_but_the_dump(demo_db):
    done = ado_do('db-backup', demo_db)
    text = done.stdout.decode()
    assert 'backed up' not in text
    assert text.startswith('--\n-- PostgreSQL database dump')
    assert '-- PostgreSQL database dump complete' in text
