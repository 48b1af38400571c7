"""Proving a backup by restoring it: the verdict recorded next to it.

The archive is restored into a scratch database (and file store), which is
compared with what the manifest says the source held in the dump's snapshot:
rows per table, activated modules, every file of the file store with its
checksum. The scratch database is dropped whatever the outcome.
"""
import datetime
import hashlib
import time

import click

from . import archive, dbutils, filestore, restore


def verify(backup, timeout):
    """Restore `backup` (a backupstore.Backup), check it, record and return the verdict."""
    started = time.monotonic()
    verdict = {'verified': False, 'reason': None,
               'checked': datetime.datetime.now(datetime.timezone.utc).isoformat(),
               'size': backup.path.stat().st_size, 'sha256': _sha256(backup.path)}
    try:
        verdict.update(_restore_and_compare(backup, timeout), verified=True)
    except click.ClickException as error:
        verdict['reason'] = error.format_message()
    except Exception as error:  # a broken archive may fail anywhere: record why
        verdict['reason'] = f'{type(error).__name__}: {error}'
    verdict['seconds'] = round(time.monotonic() - started, 2)
    backup.record(verdict)
    return verdict


def _restore_and_compare(backup, timeout):
    manifest = archive.read_manifest(backup.path)
    if 'table_rows' not in manifest:
        raise click.ClickException('the manifest has no row counts to check against')
    scratch = dbutils.scratch_name('ado_verify', backup.path.name)
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.drop_if_exists(conn, scratch)
        filestore.remove(scratch)
        try:
            restore.fill(conn, scratch, backup.path)
            return _compare(scratch, manifest, timeout)
        finally:
            dbutils.drop_if_exists(conn, scratch)
            filestore.remove(scratch)


def _compare(scratch, manifest, timeout):
    with dbutils.connect(scratch, timeout) as conn:
        rows = dbutils.table_rows(conn)
        activated = sorted(name for name, in conn.execute(
            "SELECT name FROM ir_module WHERE state = 'activated'"))
    expected = manifest['table_rows']
    wrong = [f'{table} has {rows.get(table)} rows, not {count}'
             for table, count in expected.items() if rows.get(table) != count]
    wrong += [f'{table} is not in the backup' for table in rows.keys() - expected.keys()]
    if wrong:
        raise click.ClickException(f'restored rows differ: {"; ".join(sorted(wrong)[:3])}')
    if activated != manifest['activated_modules']:
        raise click.ClickException('restored modules differ from the backed-up ones')
    files = archive.checksums(filestore.path(scratch))
    if files != manifest['filestore']:
        missing = sorted(manifest['filestore'].keys() - files.keys())
        raise click.ClickException(
            f'restored file store differs ({len(missing)} missing, '
            f'{sum(files.get(k) not in (None, v) for k, v in manifest["filestore"].items())} '
            'changed)')
    return {'tables': len(rows), 'rows': sum(rows.values()), 'modules': len(activated),
            'files': len(files)}


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as data:
        for block in iter(lambda: data.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()
