#!/usr/bin/env python3
"""Benchmark of a distribution run at the size of a real society.

1,000,000 utilisations of 100,000 creations with 3 rights holders each
(composition, lyrics and recording, each held by one of 10,000 artists), in
1,000 paid declarations of two categories, on a copy of the demo database c3s (`docker compose up` makes it). Times the run's compute (the SQL allocation and the
checks around it) in one container of the stack's tryton service and reads
the peak memory of that container (Python) and of the db container
(PostgreSQL) from their cgroups. Target: under 60 s and under 2 GiB.
Writes the "distribution" section of BENCHMARKS.md.

    python3 bench/bench_distribution.py [--utilisations N] [--creations N]
"""
import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import compose  # noqa: E402
from bench.report import write_section  # noqa: E402

DB = 'adobench_distribution'

# Runs inside the container, on a fresh copy of the demo database: bulk
# data by SQL (the fixture, not what is measured), then the run, timed.
INNER = r'''
import json, resource, sys, time
from decimal import Decimal

UTILISATIONS, CREATIONS, DB = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ARTISTS = max(CREATIONS // 10, 3)
DECLARATIONS = 1000

from trytond.pool import Pool
from trytond.transaction import Transaction
import trytond.modules  # noqa
Pool(DB).init()


def peak_mib():
    with open('/sys/fs/cgroup/memory/memory.max_usage_in_bytes') as f:
        return int(f.read()) / 2**20


with Transaction().start(DB, 0, context={'company': 1}) as transaction:
    cursor = transaction.connection.cursor()
    cursor.execute("SELECT id FROM account_invoice WHERE state = 'paid' LIMIT 1")
    invoice, = cursor.fetchone()
    cursor.execute("SELECT id FROM licensee LIMIT 1")
    licensee, = cursor.fetchone()
    cursor.execute("SELECT id FROM tariff_category ORDER BY id LIMIT 2")
    categories = [c for c, in cursor.fetchall()]
    started = time.perf_counter()
    cursor.execute("""
        INSERT INTO artist (uuid, name, "group")
        SELECT 'bench-artist-' || n, 'Artist ' || n, false
        FROM generate_series(1, %(artists)s) AS n""", {'artists': ARTISTS})
    cursor.execute("SELECT MIN(id) FROM artist WHERE uuid LIKE 'bench-artist-%%'")
    first_artist, = cursor.fetchone()
    cursor.execute("""
        INSERT INTO creation (uuid, title, artist)
        SELECT 'bench-creation-' || n, 'Creation ' || n,
            %(first)s + n %% %(artists)s
        FROM generate_series(1, %(creations)s) AS n""",
        {'first': first_artist, 'artists': ARTISTS, 'creations': CREATIONS})
    cursor.execute("SELECT MIN(id) FROM creation WHERE uuid LIKE 'bench-creation-%%'")
    first_creation, = cursor.fetchone()
    cursor.execute("""
        INSERT INTO creation_right (creation, "right", rights_holder, share)
        SELECT c.id, r.name, %(first)s + (c.id + r.n) %% %(artists)s, 100
        FROM creation AS c, (VALUES ('composition', 0), ('lyrics', 1),
            ('recording', 2)) AS r (name, n)
        WHERE c.uuid LIKE 'bench-creation-%%'""",
        {'first': first_artist, 'artists': ARTISTS})
    cursor.execute("""
        INSERT INTO declaration (uuid, company, licensee, category, date,
            amount, invoice, state)
        SELECT 'bench-declaration-' || n, 1, %(licensee)s,
            (ARRAY[%(c1)s, %(c2)s])[1 + n %% 2], DATE '2030-01-01' + n %% 365,
            ROUND(100 + n %% 997 + (n %% 100) / 100.0, 2), %(invoice)s, 'confirmed'
        FROM generate_series(1, %(declarations)s) AS n""",
        {'licensee': licensee, 'c1': categories[0], 'c2': categories[-1],
            'invoice': invoice, 'declarations': DECLARATIONS})
    cursor.execute("SELECT MIN(id) FROM declaration WHERE uuid LIKE 'bench-declaration-%%'")
    first_declaration, = cursor.fetchone()
    # one in a hundred utilisations is of no registered work
    cursor.execute("""
        INSERT INTO utilisation (declaration, creation, title, count, duration)
        SELECT %(first_declaration)s + n %% %(declarations)s,
            CASE WHEN n %% 100 = 0 THEN NULL
                ELSE %(first_creation)s + (n::bigint * 7919) %% %(creations)s END,
            'Work ' || n, 1 + n %% 5, 60 + n %% 240
        FROM generate_series(1, %(utilisations)s) AS n""",
        {'first_declaration': first_declaration, 'declarations': DECLARATIONS,
            'first_creation': first_creation, 'creations': CREATIONS,
            'utilisations': UTILISATIONS})
    cursor.execute('ANALYZE')
    fixture = time.perf_counter() - started

    Distribution = Pool().get('distribution')
    run, = Distribution.create([{'name': 'Bench', 'start_date': '2030-01-01',
                'end_date': '2030-12-31'}])
    started = time.perf_counter()
    Distribution.compute([run])
    compute = time.perf_counter() - started
    run = Distribution(run.id)
    cursor.execute('SELECT COUNT(*), SUM(amount) FROM distribution_line '
        'WHERE distribution = %s', (run.id,))
    lines, total = cursor.fetchone()
    assert total + run.fee + run.reserve == run.collected, 'unbalanced'
    print(json.dumps({
        'fixture_s': fixture, 'compute_s': compute, 'lines': lines,
        'collected': str(run.collected), 'fee': str(run.fee),
        'reserve': str(run.reserve), 'distributed': str(total),
        'python_peak_mib': resource.getrusage(
            resource.RUSAGE_SELF).ru_maxrss / 1024,
        'container_peak_mib': peak_mib()}))
    transaction.rollback()
'''


def cgroup_file(container, name):
    cid = subprocess.run(['docker', 'inspect', '-f', '{{.Id}}', container],
                         capture_output=True, text=True, check=True).stdout.strip()
    return Path(f'/sys/fs/cgroup/memory/docker/{cid}/{name}')


class PeakSampler(threading.Thread):
    """The peak of what the db container's processes hold (rss + shared
    memory, from the cgroup's memory.stat every 0.1 s): the cgroup's own
    peak also counts the page cache, which the kernel hands back on demand."""

    def __init__(self, stat):
        super().__init__(daemon=True)
        self.stat, self.peak, self.running = stat, 0, True

    def held(self):
        values = dict(line.split() for line in self.stat.read_text().splitlines())
        return int(values['rss']) + int(values['shmem'])

    def run(self):
        while self.running:
            self.peak = max(self.peak, self.held())
            time.sleep(0.1)

    def stop(self):
        self.running = False
        self.join()
        return self.peak / 2**20


def db_container():
    return subprocess.run([*compose(), 'ps', '-q', 'db'], capture_output=True,
                          text=True, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--utilisations', type=int, default=1_000_000)
    parser.add_argument('--creations', type=int, default=100_000)
    args = parser.parse_args()
    # a copy of the demo database (its company, accounts, paid invoices)
    subprocess.run([*compose(), 'run', '--rm', '-T', 'tryton', 'ado-do',
                    'db-copy', 'c3s', DB], check=True, stdout=subprocess.DEVNULL)
    db_peak = cgroup_file(db_container(), 'memory.max_usage_in_bytes')
    db_peak.write_text('0')  # the peak from here on
    sampler = PeakSampler(cgroup_file(db_container(), 'memory.stat'))
    sampler.start()
    try:
        done = subprocess.run(
            # the development modules are installed as in every container
            [*compose(), 'run', '--rm', '-T', 'tryton', 'sh', '-c',
             'ado-do pip-install tryton >/dev/null && exec python - "$@"', 'bench',
             str(args.utilisations), str(args.creations), DB],
            input=INNER, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f'bench_distribution failed:\n{done.stderr[-3000:]}')
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result['db_peak_mib'] = int(db_peak.read_text()) / 2**20
        result['db_held_peak_mib'] = sampler.stop()
    finally:
        subprocess.run([*compose(), 'run', '--rm', '-T', 'tryton', 'ado-do',
                        'db-delete', '--yes', DB], stdout=subprocess.DEVNULL)
    print(json.dumps(result, indent=2))
    write_section('distribution', f"""
## Distribution run

One distribution run over {args.utilisations:,} utilisations of
{args.creations:,} creations with 3 rights holders each (1 % of the
utilisations unidentified, 1,000 paid declarations), on a copy of the demo
database, in one container of the stack's tryton service
(`python3 bench/bench_distribution.py`). The allocation is one SQL
statement; the target is under 60 s and under 2 GiB. The memory peaks
cover making the fixture as well as the run.

| measure | value |
|---|---|
| compute (allocation, lines written) | {result['compute_s']:.1f} s |
| lines written | {result['lines']:,} |
| collected / fee / reserve / distributed | {result['collected']} / {result['fee']} / {result['reserve']} / {result['distributed']} |
| peak memory, tryton container (Python) | {result['container_peak_mib']:.0f} MiB |
| peak memory held by PostgreSQL's processes (rss + shared memory) | {result['db_held_peak_mib']:.0f} MiB |
| peak of the db container's cgroup, page cache included | {result['db_peak_mib']:.0f} MiB |
| making the fixture by SQL (not the run) | {result['fixture_s']:.1f} s |

The books balance to the cent (`sum(lines) + fee + reserve == collected`,
asserted by the script).
""")


if __name__ == '__main__':
    main()
