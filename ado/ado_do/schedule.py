"""When the backup service backs up, and which generations it keeps.

    ADO_BACKUP_SCHEDULE   an interval: 30s, 15m, 6h, 1d (default 1d; daily)
    ADO_BACKUP_KEEP       generations per database, e.g. daily:7,weekly:4 (the
                          newest backup of each of the last 7 days and of each
                          of the last 4 weeks), last:N the N newest
"""
import datetime
import re

import click

UNITS = {'s': 1, 'm': 60, 'h': 3600, 'd': 86400, 'w': 7 * 86400}
INTERVAL = re.compile(r'(\d+)\s*([smhdw])')
KINDS = ('last', 'daily', 'weekly')


def interval(text, name='ADO_BACKUP_SCHEDULE'):
    """A duration such as '1d' or '30s', as a timedelta."""
    match = INTERVAL.fullmatch(text.strip())
    if not match or int(match[1]) == 0:
        raise click.ClickException(
            f'{name} is {text!r}; use a number and a unit (s, m, h, d, w), e.g. 1d or 30s')
    return datetime.timedelta(seconds=int(match[1]) * UNITS[match[2]])


def generations(text):
    """ADO_BACKUP_KEEP as {'last': n, 'daily': n, 'weekly': n}."""
    keep = dict.fromkeys(KINDS, 0)
    for part in filter(None, (part.strip() for part in text.split(','))):
        kind, _, count = part.partition(':')
        if kind not in KINDS or not count.isdigit():
            raise click.ClickException(
                f'ADO_BACKUP_KEEP is {text!r}; use e.g. daily:7,weekly:4 '
                f'(kinds: {", ".join(KINDS)})')
        keep[kind] = int(count)
    if not any(keep.values()):
        raise click.ClickException('ADO_BACKUP_KEEP keeps nothing; keep at least one backup')
    return keep


def kept(backups, keep):
    """The backups (newest first, each with .time) that `keep` keeps."""
    chosen = set(backups[:keep['last']])
    for kind, period in (('daily', _day), ('weekly', _week)):
        seen = []
        for backup in backups:
            key = period(backup.time)
            if key not in seen:
                seen.append(key)
                if len(seen) > keep[kind]:
                    break
                chosen.add(backup)
    return chosen


def _day(moment):
    return moment.date()


def _week(moment):
    return moment.isocalendar()[:2]
