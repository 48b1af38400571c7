#!/usr/bin/env python3
"""Benchmark of a publisher's catalogue imported: `ado-do cwr-import` of a
generated CWR 2.1 file of 100,000 works (1 publisher of 100, 3 writers of
30,000, 2 recordings each, every ISWC, IPI and ISRC with its check digits)
into a scratch copy of the demo database, never c3s, with its ACK.

Times the command as a user runs it, in one container of the stack's
tryton service, and reads the peak memory of the command (its maximum
resident set) and of the db container's processes. Target (issue 23):
under 60 s and under 1 GiB. Writes the "cwr" section of BENCHMARKS.md.

    python3 bench/bench_cwr.py [--works N]
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import compose
from bench.bench_distribution import PeakSampler, cgroup_file, db_container
from bench.report import write_section

DB = 'adobench_cwr'
TEST_FILE = ROOT / 'ado/src/collecting_society/tests/cwr/valid.V21'
WRITERS, PUBLISHERS = 30_000, 100

# Runs inside the container: the file arrives on stdin, the import is timed.
INNER = r'''
import json, resource, shutil, subprocess, sys, time
DB = sys.argv[1]
with open('/tmp/bench.V21', 'wb') as f:
    shutil.copyfileobj(sys.stdin.buffer, f)
started = time.perf_counter()
with open('/tmp/bench.V21', 'rb') as given, open('/tmp/bench.ACK', 'wb') as ack:
    done = subprocess.run(['ado-do', 'cwr-import', DB, '-'], stdin=given,
                          stdout=ack, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
if done.returncode:
    sys.exit(done.stderr)
print(json.dumps({'seconds': seconds, 'summary': done.stderr.strip(),
    'ack_bytes': __import__('os').path.getsize('/tmp/bench.ACK'),
    'peak_mib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
'''


def put(line, start, size, text):
    "`line` with the field at `start` (1-based, as the specification) set"
    return line[:start - 1] + str(text).ljust(size)[:size] + line[start - 1 + size:]


def iswc(number):
    digits = f'{number:09d}'
    total = 1 + sum(w * int(d) for w, d in enumerate(digits, 1))
    return f'T{digits}{-total % 10}'


def ipi(number):
    digits = f'{number:09d}'
    total = sum(w * int(d) for w, d in zip(range(10, 1, -1), digits))
    return f'{digits}{-total % 101 % 100:02d}'


def isrc(number):
    return f'DEB{number // 100_000:02d}26{number % 100_000:05d}'


def catalogue(works):
    """The lines of the file: 14 records a work, made as they are written"""
    valid = TEST_FILE.read_bytes().decode('ascii').split('\r\n')
    hdr, _, nwr, spu, spt, swr, swt, pwr, _, _, rec = valid[:11]
    swr = put(swr, 155, 13, '')     # no IPI base number
    yield hdr
    yield 'GRHNWR0000102.100000000000  '
    for number in range(works):
        publisher = number % PUBLISHERS
        pub_ip = f'P{publisher:06d}'
        body = [
            put(put(put(spu, 22, 9, pub_ip), 31, 45, f'PUBLISHER {publisher}'),
                88, 11, ipi(100_000 + publisher)),
            put(spt, 20, 9, pub_ip)]
        for index, share in enumerate(('02000', '01500', '01500')):
            writer = (number * 3 + index) % WRITERS
            ip = f'W{writer:06d}'
            line = put(put(swr, 20, 9, ip), 29, 45, f'WRITER {writer}')
            line = put(put(put(line, 74, 30, ''), 116, 11, ipi(writer + 1)),
                       130, 5, share)
            body += [line, put(put(swt, 20, 9, ip), 29, 5, share),
                     put(put(pwr, 20, 9, pub_ip), 102, 9, ip)]
        body += [put(rec, 250, 12, isrc(number * 2 + k)) for k in (0, 1)]
        sequence = f'{number:08d}'
        work = put(put(put(nwr, 20, 60, f'WORK {number}'), 82, 14,
                       f'B{number:07d}'), 96, 11, iswc(number + 1))
        yield f'NWR{sequence}00000000{work[19:]}'
        for index, record in enumerate(body, 1):
            yield f'{record[:3]}{sequence}{index:08d}{record[19:]}'
    yield f'GRT00001{works:08d}{works * 14 + 2:08d}   0000000000'
    yield f'TRL00001{works:08d}{works * 14 + 4:08d}'


def verdict(met):
    return 'met' if met else 'missed'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--works', type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryFile() as cwr:
        for line in catalogue(args.works):
            cwr.write(line.encode('ascii') + b'\r\n')
        size = cwr.tell()
        cwr.seek(0)
        run = [*compose(), 'run', '--rm', '-T', 'tryton']
        subprocess.run([*run, 'ado-do', 'db-demo-setup', DB], check=True,
                       stdout=subprocess.DEVNULL)
        sampler = PeakSampler(cgroup_file(db_container(), 'memory.stat'))
        sampler.start()
        try:
            done = subprocess.run([*run, 'python', '-c', INNER, DB], stdin=cwr,
                                  capture_output=True, text=True, check=False)
            if done.returncode:
                sys.exit(f'bench_cwr failed:\n{done.stderr[-3000:]}')
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result['db_held_peak_mib'] = sampler.stop()
        finally:
            subprocess.run([*run, 'ado-do', 'db-delete', '--yes', DB],
                           stdout=subprocess.DEVNULL, check=False)
    result['file_mib'] = size / 2**20
    print(json.dumps(result, indent=2))
    seconds, peak = result['seconds'], result['peak_mib']
    write_section('cwr', f"""
## CWR import

`ado-do cwr-import` of a generated CWR 2.1 file of {args.works:,} works
({result['file_mib']:.0f} MiB: 1 publisher, 3 writers, 2 recordings each),
with its ACK, into a scratch copy of the demo database, as a user runs it
in a container of the stack's tryton service (`python3 bench/bench_cwr.py`).
{result['summary']}

| | measured | target (issue 23) | |
|---|---|---|---|
| time | {seconds:.1f} s | under 60 s | {verdict(seconds < 60)} |
| memory of the command (max RSS) | {peak:.0f} MiB | under 1 GiB | {verdict(peak < 1024)} |
| memory held by PostgreSQL (peak) | {result['db_held_peak_mib']:.0f} MiB | | |
""")


if __name__ == '__main__':
    main()
