"""One ./monitor snapshot of the running stack against `docker stats
--no-stream` on the same containers, alternating, several rounds, in one run;
writes the "monitor" section of BENCHMARKS.md.

    python3 bench/bench_monitor.py [--project NAME] [--rounds N]

The stack must be running (`docker compose up -d`).
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))
from ado_host.compose import project_name  # noqa: E402
from bench.report import write_section  # noqa: E402


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def cpu_shown_for_a_held_container(rounds=3):
    """The cpu % ./monitor shows for a busy loop held to 0.2 cpu (20 % on
    docker stats' scale), in a project of its own: how true its figure is."""
    project = f'benchmonitor{int(time.time())}'
    name = f'{project}_busy_1'
    subprocess.run(['docker', 'run', '-d', '--init', '--name', name, '--cpus', '0.2',
                    '--label', f'com.docker.compose.project={project}',
                    '--label', 'com.docker.compose.service=busy',
                    '--label', 'com.docker.compose.container-number=1',
                    '--label', 'com.docker.compose.oneoff=False',
                    'debian:bookworm-slim', 'sh', '-c', 'while :; do :; done'],
                   check=True, stdout=subprocess.DEVNULL)
    try:
        shown = []
        for _ in range(rounds):
            done = subprocess.run([sys.executable, str(CHECKOUT / 'monitor'), '--project',
                                   project, '--json', '--interval', '2'],
                                  check=True, capture_output=True, text=True)
            shown.append(json.loads(done.stdout)['containers'][0]['cpu_percent'])
        return shown
    finally:
        subprocess.run(['docker', 'rm', '-f', name], check=False, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--project', default=project_name())
    parser.add_argument('--rounds', type=int, default=7)
    options = parser.parse_args()
    # the containers ./monitor shows: made by Compose (they have the oneoff label)
    ids = subprocess.run(['docker', 'ps', '-q', '--filter',
                          f'label=com.docker.compose.project={options.project}',
                          '--filter', 'label=com.docker.compose.oneoff'],
                         check=True, capture_output=True, text=True).stdout.split()
    if not ids:
        sys.exit(f'bench_monitor: no container of compose project {options.project!r} is '
                 'running; start the stack first (docker compose up -d)')
    commands = {'ours': [sys.executable, str(CHECKOUT / 'monitor'), '--project', options.project],
                'docker': ['docker', 'stats', '--no-stream', *ids]}
    timed(commands['ours'])  # warm: the venv check, the page cache
    times = {name: [] for name in commands}
    for _ in range(options.rounds):
        for name, command in commands.items():
            times[name].append(timed(command))
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = median['docker'] / median['ours']
    held = cpu_shown_for_a_held_container()
    verdict = (f'**{ratio:.1f}x faster** than' if ratio >= 1
               else f'**{1 / ratio:.1f}x slower** than')
    write_section('monitor', f'''## ./monitor: one snapshot of the running stack

{len(ids)} running containers of compose project `{options.project}`;
{options.rounds} rounds, alternating, in one run. Both take cpu % from the
daemon's two readings one collection cycle (1 s) apart; ./monitor asks for
every container at once (a thread each) and includes starting Python.

| how | median | best |
|---|---|---|
| `./monitor` (snapshot) | {median['ours']:.2f} s | {min(times['ours']):.2f} s |
| `docker stats --no-stream` | {median['docker']:.2f} s | {min(times['docker']):.2f} s |

./monitor is {verdict} `docker stats --no-stream` (target: not slower).

How true its cpu % is: a busy loop held to 0.2 cpu (`docker run --cpus 0.2`,
20 % on docker stats' scale) shows {statistics.median(held):.1f} % (median of
{len(held)} snapshots, 2 s apart: {', '.join(f'{v:.1f}' for v in held)}).''')
    print(f'ours {median["ours"]:.2f}s, docker stats {median["docker"]:.2f}s')


if __name__ == '__main__':
    main()
