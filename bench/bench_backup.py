#!/usr/bin/env python3
"""Benchmark of the backups, side by side in one run, on the running stack.

- pgBackRest's full base backup vs pg_dump (custom format) of the same data,
  and `ado-do db-restore --at` vs pg_restore of that dump into a new
  database: for the demo database, and for the demo database plus a table of
  1M rows;
- the cost of WAL archiving on write throughput: pgbench (TPC-B like) on a
  scratch cluster in the db container, archiving into a scratch pgBackRest
  repository vs not archiving, alternated in the same run.

Every step runs in the stack's running containers (`docker compose exec`),
timed from here; the few tenths of a second exec costs are in every figure.
Writes the "backup" section of BENCHMARKS.md.

    python3 bench/bench_backup.py [--pgbench-seconds 20] [--rounds 2]
"""
import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ado_host.compose import compose_command  # noqa: E402
from bench.report import write_section  # noqa: E402

DEMO = 'adobench_demo'
BIG = 'adobench_big'


def exec_in(service, *args, user=None, capture=True):
    argv = [*compose_command(), 'exec', '-T', *(['-u', user] if user else []), service, *args]
    done = subprocess.run(argv, cwd=ROOT, capture_output=capture, text=True)
    if done.returncode:
        sys.exit(f'{" ".join(args)} failed: {(done.stderr or "")[-2000:]}')
    return done.stdout


def timed(service, *args, user=None):
    started = time.perf_counter()
    exec_in(service, *args, user=user)
    return time.perf_counter() - started


def psql(database, statement):
    return exec_in('db', 'psql', '-U', 'postgres', '-XAtq', '-v', 'ON_ERROR_STOP=1',
                   '-d', database, '-c', statement).strip()


def drop(*names):
    for name in names:
        psql('postgres', f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(dbname):
    """Base backup, --at restore, pg_dump, pg_restore of `dbname`: seconds, size."""
    drop(f'{dbname}_at', f'{dbname}_pg')
    size = psql('postgres', f"SELECT pg_size_pretty(pg_database_size('{dbname}'))")
    cluster = psql('postgres', 'SELECT pg_size_pretty(sum(pg_database_size(datname))) '
                               'FROM pg_database')
    base = timed('db', 'pgbackrest', '--stanza=ado', 'backup', '--type=full', user='postgres')
    dump = timed('db', 'pg_dump', '-Fc', '-f', f'/tmp/{dbname}.dump', dbname, user='postgres')
    time.sleep(2)  # the moment restored below comes after the base backup ended
    at = psql('postgres', "SELECT to_char(now() AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD HH24:MI:SS') || '+00:00'")
    time.sleep(1)
    pitr = timed('backup', 'ado-do', 'db-restore', '--at', at, dbname, f'{dbname}_at')
    restore = timed('db', 'sh', '-c', f'createdb {dbname}_pg && pg_restore --exit-on-error '
                                      f'--single-transaction -d {dbname}_pg /tmp/{dbname}.dump',
                    user='postgres')
    exec_in('db', 'rm', '-f', f'/tmp/{dbname}.dump')
    drop(f'{dbname}_at', f'{dbname}_pg')
    return dict(size=size, cluster=cluster, base=base, dump=dump, pitr=pitr, restore=restore)


# A scratch cluster in the db container, run with or without archiving, so the
# stack's own server (whose archiving is fixed at its start) is not touched.
PGBENCH = r'''
set -eu
w=/tmp/adobench-wal
mode=$1 seconds=$2
rm -rf $w && mkdir -p $w/repo
initdb -D $w/data -U postgres --auth=trust >/dev/null
pbr="pgbackrest --stanza=bench --repo1-path=$w/repo --pg1-path=$w/data --pg1-socket-path=$w --pg1-port=5499"
pbr="$pbr --repo1-cipher-type=none --log-level-file=off"
# archive-push refuses the connection options (pg1-port, pg1-socket-path)
push="pgbackrest --stanza=bench --repo1-path=$w/repo --pg1-path=$w/data"
push="$push --repo1-cipher-type=none --log-level-file=off archive-push %p"
opts="-c listen_addresses= -c unix_socket_directories=$w -c port=5499 -c wal_level=replica"
if [ "$mode" = on ]; then
    opts="$opts -c archive_mode=on -c archive_timeout=60"
    pg_ctl start -D $w/data -w -l $w/log -o "$opts -c archive_command='$push'" >/dev/null
    $pbr stanza-create >/dev/null
else
    pg_ctl start -D $w/data -w -l $w/log -o "$opts -c archive_mode=off" >/dev/null
fi
pgbench -h $w -p 5499 -U postgres -i -s 10 -q postgres >/dev/null 2>&1
pgbench -h $w -p 5499 -U postgres -c 4 -j 2 -T $seconds postgres 2>/dev/null | grep -E '^tps'
archived=$(psql -h $w -p 5499 -U postgres -XAtc 'SELECT archived_count FROM pg_stat_archiver' postgres)
echo "archived $archived"
pg_ctl stop -D $w/data -m fast >/dev/null
rm -rf $w
'''


def pgbench(mode, seconds):
    out = exec_in('db', 'sh', '-c', PGBENCH, 'pgbench', mode, str(seconds), user='postgres')
    tps = float(re.search(r'tps = ([0-9.]+)', out)[1])
    archived = int(re.search(r'archived (\d+)', out)[1])
    if mode == 'on' and not archived:
        # a cost measured while nothing was archived would measure nothing
        sys.exit('bench_backup: the scratch cluster archived no WAL file')
    return tps, archived


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--pgbench-seconds', type=int, default=20)
    parser.add_argument('--rounds', type=int, default=2)
    args = parser.parse_args()

    drop(DEMO, BIG)
    exec_in('backup', 'ado-do', 'db-copy', 'c3s', DEMO)
    demo = measure(DEMO)
    exec_in('backup', 'ado-do', 'db-copy', 'c3s', BIG)
    psql(BIG, 'CREATE TABLE bench_rows AS SELECT g AS id, md5(g::text) AS note, '
              "now() - g * interval '1 second' AS at FROM generate_series(1, 1000000) g; "
              'ALTER TABLE bench_rows ADD PRIMARY KEY (id)')
    big = measure(BIG)
    drop(DEMO, BIG)

    on, off = [], []
    for _ in range(args.rounds):
        off.append(pgbench('off', args.pgbench_seconds))
        on.append(pgbench('on', args.pgbench_seconds))
    tps_off = statistics.median(t for t, _ in off)
    tps_on = statistics.median(t for t, _ in on)
    cost = (1 - tps_on / tps_off) * 100

    lines = ['## Backups: base backup and point in time vs pg_dump/pg_restore; WAL archiving '
             'cost (bench/bench_backup.py)', '',
             'Seconds, each step once, in the running stack (`docker compose exec`). The '
             'base backup is of the whole cluster (all its databases); pg_dump of the one '
             'database. `--at` is `ado-do db-restore --at`: pgBackRest restore of the '
             'database into a temporary cluster, WAL replay to the moment, copy across '
             '(pg_dump/pg_restore, 2 jobs), with the file store.', '',
             '| data | database / cluster | base backup | pg_dump -Fc | `db-restore --at` '
             '| pg_restore | `--at` / pg_restore |', '|---|---|---|---|---|---|---|']
    for name, row in (('demo', demo), ('demo + 1M rows', big)):
        lines.append(f'| {name} | {row["size"]} / {row["cluster"]} | {row["base"]:.1f} | '
                     f'{row["dump"]:.1f} | {row["pitr"]:.1f} | {row["restore"]:.1f} | '
                     f'**{row["pitr"] / row["restore"]:.2f}x** |')
    lines += ['', f'WAL archiving cost: pgbench (scale 10, 4 clients, {args.pgbench_seconds} s, '
              f'{args.rounds} rounds alternated, median) on a scratch cluster: '
              f'archiving off {tps_off:.0f} tps, into pgBackRest on {tps_on:.0f} tps '
              f'({sum(a for _, a in on)} WAL files archived): **{cost:.1f} % fewer '
              'transactions** (target: under 10 %).',
              '', 'Targets: `--at` of demo + 1M rows under 3x pg_restore: '
              f'{"met" if big["pitr"] < 3 * big["restore"] else "NOT met"}; '
              f'archiving under 10 %: {"met" if cost < 10 else "NOT met"}.']
    write_section('backup', '\n'.join(lines))
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
