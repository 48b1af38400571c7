"""A database's file store: trytond's [database] path / DBNAME (attachments).

It travels with its database: copied, renamed and removed together.
"""
import shutil

from . import settings


def path(dbname):
    return settings.filestore_root() / dbname


def copy(source, target):
    if path(source).is_dir():
        remove(target)
        shutil.copytree(path(source), path(target), symlinks=True)


def move(source, target):
    remove(target)
    if path(source).is_dir():
        path(source).rename(path(target))


def remove(dbname):
    if path(dbname).is_dir():
        shutil.rmtree(path(dbname))
