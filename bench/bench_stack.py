"""The stack's start-up and images (issue 2): time from `docker compose up`
to every service healthy, cold (no database yet) and warm (database made
before); the image build time from cold; the image sizes.

Runs a second stack of this checkout under its own project name, ports and
data directory, so a running development stack is left alone.

    .venv/bin/python bench/bench_stack.py [--no-build] [--warm-runs N]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ado_host.compose import compose  # noqa: E402
from ado_host.images import build_images  # noqa: E402
from ado_host.stack import wait_healthy  # noqa: E402
from bench.report import write_section  # noqa: E402

PREFIX = os.environ.get('ADO_IMAGE_PREFIX') or 'ado'
# beside another checkout's bench on the same engine
PROJECT = f'{PREFIX}benchstack'
IMAGES = [f'{PREFIX}-{name}' for name in ('db', 'tryton', 'portal', 'proxy')] + [
    'debian:bookworm-slim']
# every long-running service; migrate runs once and exits 0 before the others
SERVICES = 'db, tryton, cron, worker, portal, api, proxy'


def timed(action):
    start = time.monotonic()
    action()
    return time.monotonic() - start


def up_until_healthy():
    compose('up', '-d', stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_healthy(PROJECT, timeout=1800)


def down():
    compose('down', stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def image_sizes():
    rows = []
    for image in IMAGES:
        size = subprocess.run(['docker', 'image', 'inspect', '--format', '{{.Size}}', image],
                              capture_output=True, text=True, check=True).stdout
        rows.append(f'| {image} | {int(size) / 1e6:.0f} MB |')
    return rows


def build_from_cold():
    """All four images without Docker's cache (the base image and wheels exist)."""
    return timed(lambda: build_images('--no-cache', stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--no-build', action='store_true', help='skip the cold build')
    parser.add_argument('--warm-runs', type=int, default=3)
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix='ado-bench-pg-'))
    os.environ.update(COMPOSE_PROJECT_NAME=PROJECT, ADO_HTTP_PORT='8181',
                      ADO_TRYTON_PORT='8100', ADO_DB_DATA=str(data),
                      ADO_BACKUP_REPO=str(data.parent / f'{data.name}-backups' / 'pgbackrest'),
                      ADO_BACKUP_DIR=str(data.parent / f'{data.name}-backups'))
    lines = ['## Stack start-up and images (bench/bench_stack.py)', '']
    try:
        if not args.no_build:
            build = build_from_cold()
            lines += [f'Image build from cold (`docker compose build --no-cache`, all four '
                      f'images; base image and wheelhouse present): **{build:.0f} s**', '']
        cold = timed(up_until_healthy)
        warm = []
        for _ in range(args.warm_runs):
            down()
            warm.append(timed(up_until_healthy))
    finally:
        down()
        shutil.rmtree(data, ignore_errors=True)
    lines += [
        f'`docker compose up -d` until every service is healthy ({SERVICES}; the '
        'one-shot migrate has exited 0 before the servers start):', '',
        '| start | seconds |', '|---|---|',
        f'| cold (no database: the demo database is made) | {cold:.1f} |',
        f'| warm (database exists), median of {len(warm)} | {statistics.median(warm):.1f} |',
        '',
        f'Cold / warm: {cold / statistics.median(warm):.1f}x. Target warm: under 15 s.', '',
        '| image | size |', '|---|---|', *image_sizes(),
    ]
    write_section('stack', '\n'.join(lines))


if __name__ == '__main__':
    main()
