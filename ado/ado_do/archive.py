"""The --with-files archive: one tar with the dump, the file store and a manifest.

    manifest.json   database, dump format, activated modules, module versions, time;
                    rows per table and the file store's checksums, for verifying
    database.dump   pg_dump --format=custom
    filestore/      trytond's file store of the database (attachments)
"""
import datetime
import hashlib
import io
import json
import tarfile
from pathlib import PurePosixPath

import click

from . import filestore, modules

MANIFEST = 'manifest.json'
DUMP = 'database.dump'
FILESTORE = 'filestore'


def manifest(dbname, activated, table_rows=None):
    result = {
        'database': dbname,
        'format': 'custom',
        'created': datetime.datetime.now(datetime.timezone.utc).isoformat(),
        'activated_modules': sorted(activated),
        'modules': dict(modules.versions()),
    }
    if table_rows is not None:
        # what a restore must give back: rows per table (counted in the dump's
        # snapshot) and the file store's files with their checksums
        result['table_rows'] = table_rows
        result['filestore'] = checksums(filestore.path(dbname))
    return result


def checksums(root):
    """{relative path: sha256} of every file below `root`."""
    if not root.is_dir():
        return {}
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob('*')) if path.is_file()}


def write(out, dbname, dump_path, activated, table_rows=None):
    """Stream the archive to the binary file `out` (stdout)."""
    with tarfile.open(fileobj=out, mode='w|') as tar:
        data = json.dumps(manifest(dbname, activated, table_rows), indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        tar.add(dump_path, DUMP)
        store = filestore.path(dbname)
        if store.is_dir():
            tar.add(store, FILESTORE)


def read_manifest(path):
    """The manifest, the archive's first member, without reading the rest."""
    with tarfile.open(path, mode='r|') as tar:
        member = tar.next()
        if member is None or member.name != MANIFEST:
            raise click.ClickException(f'{path}: not a db-backup --with-files archive')
        return json.loads(tar.extractfile(member).read())


def is_archive(path):
    return tarfile.is_tarfile(path)


def extract(path, into):
    """Unpack into the directory `into`; returns the manifest."""
    with tarfile.open(path) as tar:
        tar.extractall(into, members=_safe_members(tar))
    if not (into / MANIFEST).is_file() or not (into / DUMP).is_file():
        raise click.ClickException('not a db-backup --with-files archive; nothing was restored')
    return json.loads((into / MANIFEST).read_text())


def _safe_members(tar):
    return safe_members(tar.getmembers())


def safe_members(members):
    """Plain files and directories inside the archive only (Debian's Python 3.11
    predates tarfile's extraction filters)."""
    for member in members:
        path = PurePosixPath(member.name)
        if path.is_absolute() or '..' in path.parts or not (member.isfile() or member.isdir()):
            raise click.ClickException(
                f'unsafe archive member {member.name!r}; nothing was restored')
        yield member
