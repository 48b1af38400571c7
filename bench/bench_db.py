#!/usr/bin/env python3
"""Benchmark of ado-do's database commands, side by side in one run.

- db-demo-setup from scratch (--no-cache) vs a hit of the template cache;
- the original approach (db-create, trytond-admin --all, the scenario) vs ours
  from scratch;
- db-backup/db-restore vs plain pg_dump/pg_restore (and psql for plain dumps).

Everything runs inside one container of the stack's tryton service
(`docker compose run --rm -T tryton ...`), timed there, so container start-up
does not count. Writes the "db" section of BENCHMARKS.md.

    python3 bench/bench_db.py [--repeat N]
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402

# Runs inside the container: times each step with perf_counter, prints JSON.
INNER = r'''
import json, os, subprocess, sys, time
from psycopg.conninfo import conninfo_to_dict

REPEAT = int(sys.argv[1])
PREFIX = 'adobench_'
CONF = os.environ['TRYTOND_CONFIG']
SCENARIO = '/ado/etc/scenario_master_data.txt'
params = conninfo_to_dict(os.environ['TRYTOND_DATABASE__URI'])
PG = dict(os.environ, PGHOST=params.get('host', ''), PGPORT=str(params.get('port', 5432)),
          PGUSER=params.get('user', ''), PGPASSWORD=params.get('password', ''))


def run(*args, env=None, stdout=subprocess.DEVNULL):
    done = subprocess.run(args, env=env or PG, stdout=stdout, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL)
    if done.returncode:
        sys.exit(f'{" ".join(args)} failed: {done.stderr.decode()[-2000:]}')


def timed(*commands):
    started = time.perf_counter()
    for command in commands:
        command()
    return time.perf_counter() - started


def to_file(path, *args):
    with open(path, 'wb') as out:
        run(*args, stdout=out)


def drop_all():
    out = subprocess.run(['psql', '-Atc', "SELECT datname FROM pg_database WHERE datname "
                          f"LIKE '{PREFIX}%'", 'postgres'], env=PG, capture_output=True)
    for name in out.stdout.decode().split():
        run('ado-do', 'db-delete', '--yes', name)


results = {}
run('ado-do', 'pip-install', 'tryton')
drop_all()
run('ado-do', 'db-demo-setup', PREFIX + 'warm')  # the template exists from here on
admin_env = dict(os.environ, TRYTONPASSFILE=os.environ.get('TRYTONPASSFILE', ''))


def original(name):
    """The original's db-demo-setup: create, trytond-admin --all, the scenario."""
    return timed(
        lambda: run('ado-do', 'db-create', name),
        lambda: run('trytond-admin', '-c', CONF, '-d', name, '--all', '-u',
                    'collecting_society', '--activate-dependencies', '--email',
                    'admin@example.org', env=admin_env),
        lambda: run(sys.executable, '-m', 'doctest', SCENARIO, env=dict(os.environ, DB_NAME=name)))


# interleaved, so a neighbour's load falls on all alike
results['scratch'], results['original'], results['hit'] = [], [], []
for n in range(REPEAT):
    results['hit'].append(timed(lambda: run('ado-do', 'db-demo-setup', f'{PREFIX}hit{n}')))
    results['scratch'].append(timed(
        lambda: run('ado-do', 'db-demo-setup', '--no-cache', f'{PREFIX}scratch{n}')))
    results['original'].append(original(f'{PREFIX}orig{n}'))

# the demo database, and a copy grown by a million rows: ado-do's start-up is fixed
run('ado-do', 'db-copy', PREFIX + 'warm', PREFIX + 'big')
run('psql', '-q', '-c', 'CREATE TABLE bench_rows AS SELECT g AS id, md5(g::text) AS data '
    'FROM generate_series(1, 1000000) g', PREFIX + 'big')
# a first scan sets hint bits (writes); done here so neither side pays for it
run('psql', '-q', '-c', 'VACUUM ANALYZE bench_rows', PREFIX + 'big')


def backup_restore(source, fmt, flag, n):
    """One round of each of the four, in turn."""
    key, ours, theirs = f'{source}_{fmt}', f'/tmp/ours.{fmt}', f'/tmp/theirs.{fmt}'
    if fmt == 'custom':
        load = ['pg_restore', '-d', f'{PREFIX}p{key}{n}', theirs]
    else:
        load = ['psql', '-q', '-o', '/dev/null', '-d', f'{PREFIX}p{key}{n}', '-f', theirs]
    steps = {
        'backup': lambda: to_file(ours, 'ado-do', 'db-backup', '--format', fmt,
                                  PREFIX + source),
        'pg_dump': lambda: to_file(theirs, 'pg_dump', flag, PREFIX + source),
        'restore': lambda: run('ado-do', 'db-restore', f'{PREFIX}r{key}{n}', ours),
        'pg_restore': lambda: (run('createdb', f'{PREFIX}p{key}{n}'), run(*load)),
    }
    for step, command in steps.items():
        results.setdefault(f'{step}_{key}', []).append(timed(command))
    results[f'size_{key}'] = os.path.getsize(ours)


for source in ('warm', 'big'):
    for fmt, flag in (('custom', '-Fc'), ('plain', '-Fp')):
        for n in range(REPEAT):
            backup_restore(source, fmt, flag, n)
drop_all()


def refused():
    """db-list with a wrong password: it must fail, and at once (its retry
    loop, up to --timeout 20, is for a server not up yet)."""
    bad = (f"postgresql://{params.get('user', '')}:wrong-password@"
           f"{params.get('host', '')}:{params.get('port', 5432)}/")
    done = subprocess.run(['ado-do', 'db-list', '--timeout', '20'], capture_output=True,
                          env=dict(os.environ, TRYTOND_DATABASE__URI=bad))
    if done.returncode == 0:
        sys.exit('db-list with a wrong password succeeded')


results['wrong_password'] = [timed(refused) for _ in range(REPEAT)]
print('BENCH ' + json.dumps(results))
'''


def compose():
    """`docker compose` where there is v2, else the Python docker-compose."""
    probe = subprocess.run(['docker', 'compose', 'version'], capture_output=True)
    if probe.returncode == 0:
        return ['docker', 'compose']
    if shutil.which('docker-compose'):
        return ['docker-compose']
    sys.exit('bench_db: neither "docker compose" nor docker-compose is installed')


def measure(repeat):
    args = [*compose(), 'run', '--rm', '-T', 'tryton', 'python', '-', str(repeat)]
    print(f'running in the stack: {" ".join(args)}', file=sys.stderr)
    done = subprocess.run(args, cwd=ROOT, input=INNER.encode(), capture_output=True)
    lines = [line for line in done.stdout.decode().splitlines() if line.startswith('BENCH ')]
    if done.returncode or not lines:
        sys.exit(f'bench_db: the run failed:\n{done.stderr.decode()[-3000:]}')
    return json.loads(lines[-1][len('BENCH '):])


SOURCES = (('warm', 'demo'), ('big', 'demo + 1M rows'))


def row(label, seconds):
    values = ', '.join(f'{value:.2f}' for value in seconds)
    return f'| {label} | {statistics.median(seconds):.2f} | {values} |'


def ratio(slow, fast):
    return statistics.median(slow) / statistics.median(fast)


def markdown(results, repeat):
    lines = [
        '## ado-do: demo database setup, backup and restore',
        '',
        f'Each step run {repeat} times in one container of the stack (`docker compose run '
        'tryton`), timed inside it; median in seconds.',
        '',
        '| step | median s | runs s |',
        '|---|---|---|',
        row('`db-demo-setup` from scratch (`--no-cache`: create, trytond-admin, scenario, '
            'rename)', results['scratch']),
        row('`db-demo-setup` cache hit (copy of the template)', results['hit']),
        row('original approach: `db-create`, `trytond-admin --all -u collecting_society`, '
            'the scenario', results['original']),
    ]
    for source, label in SOURCES:
        for fmt in ('custom', 'plain'):
            key = f'{source}_{fmt}'
            size = results[f'size_{key}'] / 1e6
            tool = 'pg_restore' if fmt == 'custom' else 'psql -f'
            lines += [
                row(f'{label}: `db-backup --format {fmt}` ({size:.1f} MB)',
                    results[f'backup_{key}']),
                row(f'{label}: `pg_dump -F{fmt[0]}`', results[f'pg_dump_{key}']),
                row(f'{label}: `db-restore` ({fmt})', results[f'restore_{key}']),
                row(f'{label}: `createdb` + `{tool}`', results[f'pg_restore_{key}']),
            ]
    lines.append(row('`db-list --timeout 20` with a wrong password, to its error '
                     '(no wait for a server that is up)', results['wrong_password']))
    lines += [
        '',
        f'- cache hit vs from scratch: **{ratio(results["scratch"], results["hit"]):.0f}x** '
        'faster (target: at least 50x)',
        f'- original approach / ours from scratch: '
        f'{ratio(results["original"], results["scratch"]):.2f} (the same trytond work; ours '
        'builds under a scratch name and renames it, so a killed setup leaves nothing '
        'finished-looking); original / cache hit: '
        f'{ratio(results["original"], results["hit"]):.0f}x',
    ]
    for source, label in SOURCES:
        for fmt in ('custom', 'plain'):
            key = f'{source}_{fmt}'
            lines.append(
                f'- {label}, {fmt}: db-backup / pg_dump '
                f'{ratio(results[f"backup_{key}"], results[f"pg_dump_{key}"]):.2f}, '
                f'db-restore / plain restore '
                f'{ratio(results[f"restore_{key}"], results[f"pg_restore_{key}"]):.2f} '
                '(target: near 1)')
    lines.append('- ado-do adds a fixed start-up (Python, psycopg, trytond\'s config, a '
                 'connection to check the name: about 0.3 s), which weighs on the small demo '
                 'database only; restores also pay for the rename that makes them all or '
                 'nothing.')
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeat', type=int, default=3, help='runs of each step')
    options = parser.parse_args()
    results = measure(options.repeat)
    write_section('db', markdown(results, options.repeat))


if __name__ == '__main__':
    main()
