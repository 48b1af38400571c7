"""./monitor against real containers labelled as a compose project."""
import json
import os
import select
import signal
import subprocess
import sys
import time
import uuid

from .conftest import CHECKOUT, GIT_ENV, run_script

NAMES = ['web_1', 'web_2', 'tryton_1', 'db_1', 'proxy_1', 'web_run_1']


def monitor(*args, **kwargs):
    return run_script('monitor', *args, timeout=60, **kwargs)


def test_json_snapshot(fake_stack):
    done = monitor('--project', fake_stack.project, '--json', '--interval', '2')
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    rows = {row['instance']: row for row in found['containers']}
    oneoff = f'{fake_stack.project}_web_run_1'
    assert sorted(rows) == sorted([*fake_stack.containers, oneoff])
    assert rows[oneoff]['service'] == 'web'
    busy = rows['db-1']
    # the busy container (held to 0.2 cpu) shows cpu, the idle one less; the
    # figures themselves are measured in bench/bench_monitor.py
    assert busy['cpu_percent'] > rows['web-1']['cpu_percent'], rows
    assert busy['cpu_user_seconds'] > 0
    for row in rows.values():
        assert row['rss_bytes'] > 0, row
        assert row['cache_bytes'] >= 0
        assert row['cpu_system_seconds'] >= 0


def test_table(fake_stack):
    done = monitor('--project', fake_stack.project, '--interval', '0.2')
    assert done.returncode == 0, done.stderr
    for name in NAMES:
        assert f'{fake_stack.project}_{name}' in done.stdout
    assert 'stranger' not in done.stdout
    for heading in ('cpu user', 'cpu system', 'cpu %', 'rss', 'cache'):
        assert heading in done.stdout
    assert 'MiB' in done.stdout or 'KiB' in done.stdout


def test_watch_until_interrupted(fake_stack):
    """Not a terminal: one JSON line per refresh; Ctrl-C ends it cleanly."""
    with subprocess.Popen([sys.executable, str(CHECKOUT / 'monitor'), '--project',
                           fake_stack.project, '--watch', '--json', '--interval', '0.3'],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=GIT_ENV) as process:
        lines = [process.stdout.readline() for _ in range(3)]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0, process.stderr.read()
    for line in lines:
        rows = json.loads(line)['containers']
        assert len(rows) == len(NAMES)
        assert all(row['cpu_percent'] is not None for row in rows)


def test_no_stack_running():
    done = monitor('--project', f'adotest-nothing-{uuid.uuid4().hex[:8]}')
    assert done.returncode == 1
    assert 'no container of compose project' in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_docker_unreachable():
    done = monitor(env={'DOCKER_HOST': 'unix:///nonexistent/docker.sock'})
    assert done.returncode == 1
    assert 'Docker is not reachable' in done.stderr


def test_watch_in_place_on_a_terminal(fake_stack):
    """On a terminal the table is redrawn in place (rich) until Ctrl-C."""
    main, other = os.openpty()
    process = subprocess.Popen([sys.executable, str(CHECKOUT / 'monitor'), '--project',
                                fake_stack.project, '--watch', '--interval', '0.2'],
                               stdout=other, stderr=other, env={**GIT_ENV, 'COLUMNS': '150'})
    os.close(other)
    output = b''
    try:
        deadline = time.monotonic() + 60
        # two frames: the container names appear twice
        while output.count(b'_db_1') < 2 and time.monotonic() < deadline:
            if select.select([main], [], [], 1)[0]:
                output += os.read(main, 65536)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        os.close(main)
    # the loop above also ends on its deadline: one frame is no redraw
    assert output.count(b'_db_1') >= 2, output.decode(errors='replace')
    text = output.decode(errors='replace')
    assert '\x1b[' in text  # drawn with terminal control codes
    assert f'{fake_stack.project}_db_1' in text
