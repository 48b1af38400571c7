import json

import click

from .. import backupstore, dbutils, options, pgbackrest, verify


@click.command('backups')
@click.option('--json', 'as_json', is_flag=True, help='One JSON document instead of tables.')
@click.option('--verify', 'to_verify', metavar='FILE', multiple=True,
              help='Verify FILE again (restore and check) before listing; repeatable.')
@options.timeout
def command(as_json, to_verify, timeout):
    """List the backups: the verified logical backups in ADO_BACKUP_DIR (file,
    database, time, size, verified or why not), pgBackRest's base backups,
    the moments a point-in-time restore can reach, and WAL archiving's state.

    \b
    Example:
      docker compose run --rm backup ado-do backups
    """
    for name in to_verify:
        backup = backupstore.find(name)
        if backup is None:
            raise click.ClickException(f'no backup {name!r} in {backupstore.root()}')
        verify.verify(backup, timeout)
    report = _report(timeout)
    if as_json:
        click.echo(json.dumps(report, indent=2, default=str))
    else:
        _print(report)


def _report(timeout):
    files = []
    for backup in backupstore.backups():
        verdict = backup.verdict()
        files.append({
            'file': str(backup.path.relative_to(backupstore.root())),
            'database': backup.database, 'time': backup.time.isoformat(),
            'size': backup.path.stat().st_size,
            'verified': bool(verdict and verdict['verified']),
            'reason': (verdict or {}).get('reason') or (None if verdict else 'not checked yet'),
            'checked': (verdict or {}).get('checked')})
    with dbutils.connect(timeout=timeout) as conn:
        base = pgbackrest.base_backups(conn)
        span = pgbackrest.restorable_range(conn)
        archiver = conn.execute(
            'SELECT archived_count, last_archived_wal, last_archived_time, failed_count, '
            'last_failed_wal, last_failed_time FROM pg_stat_archiver').fetchone()
    names = ('archived_count', 'last_archived_wal', 'last_archived_time', 'failed_count',
             'last_failed_wal', 'last_failed_time')
    return {'directory': str(backupstore.root()), 'backups': files,
            'base_backups': [dict(b, start=b['start'].isoformat(), stop=b['stop'].isoformat())
                             for b in base],
            'restorable': span and {'from': span[0].isoformat(), 'to': span[1].isoformat()},
            'archiving': dict(zip(names, archiver))}


def _print(report):
    click.echo(f'Logical backups with file store ({report["directory"]}):')
    rows = [(b['file'], b['database'], b['time'][:19].replace('T', ' '), _size(b['size']),
             'verified' if b['verified'] else f'NOT verified: {b["reason"]}')
            for b in report['backups']]
    _table(('FILE', 'DATABASE', 'TIME (UTC)', 'SIZE', 'VERIFIED'), rows, 'none yet')
    click.echo('\nBase backups (pgBackRest):')
    _table(('LABEL', 'TYPE', 'START (UTC)', 'STOP (UTC)', 'SIZE'),
           [(b['label'], b['type'], b['start'][:19].replace('T', ' '),
             b['stop'][:19].replace('T', ' '), _size(b['size']))
            for b in report['base_backups']], 'none yet')
    span = report['restorable']
    click.echo('\nPoint in time: ' + (f'any moment from {span["from"][:19]} to now (UTC)'
                                      if span else 'not yet (no base backup)'))
    archiving = report['archiving']
    click.echo(f'WAL archiving: {archiving["archived_count"]} files archived, last '
               f'{archiving["last_archived_wal"] or "-"} at {archiving["last_archived_time"]}; '
               f'{archiving["failed_count"]} failures'
               + (f', last {archiving["last_failed_wal"]} at {archiving["last_failed_time"]}'
                  if archiving['failed_count'] else ''))


def _table(header, rows, empty):
    if not rows:
        click.echo(f'  {empty}')
        return
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo('  ' + '  '.join(str(cell).ljust(width)
                                    for cell, width in zip(row, widths)).rstrip())


def _size(size):
    for unit in ('B', 'KiB', 'MiB', 'GiB'):
        if size < 1024 or unit == 'GiB':
            return f'{size:.0f} {unit}' if unit == 'B' else f'{size:.1f} {unit}'
        size /= 1024
