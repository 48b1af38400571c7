"""The --with-files archive: one tar with the dump, the file store and a manifest.

    manifest.json   database, dump format, modules and package versions, time
    database.dump   pg_dump --format=custom
    filestore/      trytond's file store of the database (attachments)
"""
import datetime
import io
import json
import tarfile

from . import filestore, modules

MANIFEST = 'manifest.json'
DUMP = 'database.dump'
FILESTORE = 'filestore'


def manifest(dbname, activated):
    return {
        'database': dbname,
        'format': 'custom',
        'created': datetime.datetime.now(datetime.timezone.utc).isoformat(),
        'activated_modules': sorted(activated),
        'packages': dict(modules.versions()),
    }


def write(out, dbname, dump_path, activated):
    """Stream the archive to the binary file `out` (stdout)."""
    with tarfile.open(fileobj=out, mode='w|') as tar:
        data = json.dumps(manifest(dbname, activated), indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        tar.add(dump_path, DUMP)
        store = filestore.path(dbname)
        if store.is_dir():
            tar.add(store, FILESTORE)


def is_archive(path):
    return tarfile.is_tarfile(path)


def extract(path, into):
    """Unpack into the directory `into`; returns the manifest."""
    with tarfile.open(path) as tar:
        tar.extractall(into, filter='data')
    return json.loads((into / MANIFEST).read_text())
