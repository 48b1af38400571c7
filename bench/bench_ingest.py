#!/usr/bin/env python3
"""Benchmark of the DSR reader: how fast a usage report is read and checked,
and that its memory does not grow with the report.

Generates a Basic Audio report of N usage lines in two gzipped files (each
block a sound recording, its musical work and two usage lines: 2 N lines
in all) inside a container of the tryton service, then reads it with
collecting_society.dsr (every check on, no database) in a fresh process,
once at N and once at N / 10: lines per second and the process's peak
memory (ru_maxrss). Only the reader: the import into PostgreSQL (COPY) and
matching are the next steps of issue 24. Writes the "dsr reader" section of
BENCHMARKS.md.

    python3 bench/bench_ingest.py [--usages N]
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import compose  # noqa: E402
from bench.report import write_section  # noqa: E402

# Runs inside the container: writes the report (not measured), then reads
# it in a child process, which is what is measured.
INNER = r'''
import gzip, json, subprocess, sys, tempfile

USAGES = int(sys.argv[1])
SENDER = 'PADPIDA2026120101S'


def report(directory, usages):
    """The two files of a report of `usages` usage lines; their paths"""
    blocks = usages // 2
    halves = [range(1, blocks // 2 + 1), range(blocks // 2 + 1, blocks + 1)]
    paths, lines_in_report = [], 0
    for number, half in enumerate(halves, 1):
        path = f'{directory}/DSR_{SENDER}_R_Premium_2026-06_DE_{number}of2.tsv.gz'
        with gzip.open(path, 'wt', compresslevel=1) as out:
            out.write('\t'.join(['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.1',
                'BENCH', '2026-07-05T10:15:00Z', str(number), '2', '2026-06-01',
                '2026-06-30', SENDER, 'Bench Stream']) + '\n')
            lines = 1
            if number == 1:
                out.write('SY02.01\tS1\t\t\tSubscriptionModel\tOnDemandStream\tDE'
                    '\tPremium\t1\t\tEUR\t1.00\n')
                lines += 1
            for block in half:
                isrc = f'DEA12{block % 100:02d}{block:05d}'[:12]
                out.write(f'AS01\t{block}\tA1\tres-{block}\t{isrc}\tTitle {block}\t'
                    f'\tArtist {block % 1000}\t\tPT3M{block % 60}S\tSoundRecording\n'
                    f'MW01.01\t{block}\twrk-{block}\t\tWork {block}\n'
                    f'SU02\t{block}\tS1\tT{block}a\t\tA1\ttrue\t{block % 97 + 1}\n'
                    f'SU02\t{block}\tS1\tT{block}b\t\tA1\ttrue\t{block % 13 + 1}\n')
                lines += 4
            lines += 1
            lines_in_report += lines
            report_cells = (['', ''] if number == 1
                else [str(lines_in_report), str(blocks)])
            out.write('\t'.join(['FOOT', str(lines), report_cells[0],
                '1' if number == 1 else '0', str(len(half)), report_cells[1]]) + '\n')
        paths.append(path)
    return paths


READ = """
import json, resource, sys, time
from collecting_society.dsr.report import Report
started = time.monotonic()
with Report(sys.argv[1:]) as report:
    usages = sum(1 for usage in report)
    lines = report.lines
seconds = time.monotonic() - started
print(json.dumps({'usages': usages, 'lines': lines, 'seconds': seconds,
    'peak_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

results = []
for usages in (USAGES // 10, USAGES):
    with tempfile.TemporaryDirectory() as directory:
        paths = report(directory, usages)
        done = subprocess.run([sys.executable, '-c', READ, *paths],
            capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
print(json.dumps(results))
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--usages', type=int, default=1_000_000)
    args = parser.parse_args()
    done = subprocess.run(
        [*compose(), 'run', '--rm', '--no-deps', '-T', '-w', '/tmp', 'tryton',
         'python3', '-', str(args.usages)],
        input=INNER, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr[-3000:])
    small, large = json.loads(done.stdout.strip().splitlines()[-1])
    rows = '\n'.join(
        f"| {r['usages']:,} | {r['lines']:,} | {r['seconds']:.1f} s | "
        f"{r['lines'] / r['seconds']:,.0f} | {r['peak_mib']:.0f} MiB |"
        for r in (small, large))
    write_section('dsr reader', f"""
## DSR reader (bench/bench_ingest.py)

A generated Basic Audio report in two gzipped files (per block: a sound
recording, its work, two usage lines), read and checked by
collecting_society.dsr in one process, no database:

| usage lines | lines | time | lines/s | peak memory |
|---|---|---|---|---|
{rows}
""")
    print(json.dumps({'small': small, 'large': large}))


if __name__ == '__main__':
    main()
