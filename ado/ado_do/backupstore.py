"""The logical backups on disk: ADO_BACKUP_DIR (/backups in the backup service).

    /backups/c3s/c3s-20261128T104200Z.tar            db-backup --with-files
    /backups/c3s/c3s-20261128T104200Z.verified.json  the verdict of restoring it

A file appears under its final name only when complete (written under a
dot-name, then renamed), so a killed backup never looks like a backup.
"""
import datetime
import json
import os
import re
from pathlib import Path

UTC = datetime.timezone.utc
STAMP = '%Y%m%dT%H%M%SZ'
ARCHIVE = re.compile(r'(?P<db>[A-Za-z_][A-Za-z0-9_-]{0,62})-(?P<stamp>\d{8}T\d{6}Z)\.tar')
VERDICT_SUFFIX = '.verified.json'


def root():
    return Path(os.environ.get('ADO_BACKUP_DIR', '/backups'))


class Backup:
    """One archive and its verdict."""

    def __init__(self, path):
        self.path = Path(path)
        match = ARCHIVE.fullmatch(self.path.name)
        self.database = match['db']
        self.time = datetime.datetime.strptime(match['stamp'], STAMP).replace(tzinfo=UTC)

    @property
    def verdict_path(self):
        return self.path.with_name(self.path.name[:-len('.tar')] + VERDICT_SUFFIX)

    def verdict(self):
        """The recorded verdict, or None; a file changed since is not verified."""
        try:
            verdict = json.loads(self.verdict_path.read_text())
        except (FileNotFoundError, ValueError):
            return None
        if verdict.get('size') != self.path.stat().st_size:
            return dict(verdict, verified=False,
                        reason='the file changed after it was verified')
        return verdict

    def record(self, verdict):
        write_atomically(self.verdict_path,
                         lambda out: out.write(json.dumps(verdict, indent=2).encode()))

    def remove(self):
        self.verdict_path.unlink(missing_ok=True)
        self.path.unlink(missing_ok=True)


def new_path(dbname, now=None):
    now = now or datetime.datetime.now(UTC)
    return root() / dbname / f'{dbname}-{now.strftime(STAMP)}.tar'


def write_atomically(path, write):
    """Call write(binary file) on a dot-name beside `path`, then rename it in
    place; on any error the dot-file is removed and nothing else is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f'.{path.name}.partial')
    try:
        with open(partial, 'wb') as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def backups(dbname=None):
    """Every backup (of `dbname`), newest first."""
    found = []
    if root().is_dir():
        for directory in sorted(root().iterdir()):
            if not directory.is_dir() or (dbname and directory.name != dbname):
                continue
            found += [Backup(path) for path in directory.iterdir()
                      if ARCHIVE.fullmatch(path.name) and path.name.startswith(
                          directory.name + '-')]
    return sorted(found, key=lambda backup: backup.time, reverse=True)


def find(name):
    """A backup by its file name or path (relative to the backup directory)."""
    path = Path(name)
    if not path.is_absolute():
        path = root() / path
    if not path.is_file() and ARCHIVE.fullmatch(path.name):
        path = root() / ARCHIVE.fullmatch(path.name)['db'] / path.name
    if not path.is_file() or not ARCHIVE.fullmatch(path.name):
        return None
    return Backup(path)
