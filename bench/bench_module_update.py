"""After a one-module change: `docker compose restart tryton` until healthy
(deploy-tryton updates the changed module only) and `ado-do update c3s` (the
changed module only), beside `ado-do update --all c3s` on the same database,
alternating, several rounds in one run; writes the "module update" section of
BENCHMARKS.md.

    python3 bench/bench_module_update.py [--rounds N]

The stack must be running (`docker compose up -d`). The change is a comment
appended to ado/src/collecting_society/artist.py, removed at the end.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))
from ado_host.compose import compose  # noqa: E402
from ado_host.stack import wait_healthy  # noqa: E402
from bench.report import write_section  # noqa: E402

SOURCE = CHECKOUT / 'ado' / 'src' / 'collecting_society' / 'artist.py'
DATABASE = 'c3s'


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def change_module(original, number):
    SOURCE.write_text(original + f'# bench_module_update change {number}\n')


def restart_to_healthy():
    compose('restart', 'tryton', capture_output=True)
    time.sleep(1)  # the restarted container reports "starting" first
    wait_healthy(services=['tryton'])


def ado_do_update(*args):
    # --no-deps: `run` would start the migrate service first, which makes the
    # update itself and leaves this one nothing to do
    done = compose('run', '--rm', '-T', '--no-deps', 'tryton', 'ado-do', 'update', *args,
                   DATABASE, capture_output=True, text=True)
    return done.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--rounds', type=int, default=3)
    rounds = parser.parse_args().rounds
    original = SOURCE.read_text()
    times = {'restart': [], 'changed': [], 'all': []}
    try:
        ado_do_update()  # start from a database that is current
        for number in range(rounds):
            change_module(original, 2 * number)
            times['restart'].append(timed(restart_to_healthy))
            change_module(original, 2 * number + 1)
            said = []
            times['changed'].append(timed(lambda: said.append(ado_do_update())))
            assert 'updating collecting_society (sources changed)' in said[0], said[0]
            assert said[0].count('updating ') == 1, said[0]
            times['all'].append(timed(lambda: ado_do_update('--all')))
    finally:
        SOURCE.write_text(original)
        ado_do_update()
    median = {name: statistics.median(values) for name, values in times.items()}
    table = '\n'.join(f'| {label} | {median[name]:.1f} s | '
                      f'{", ".join(f"{value:.1f}" for value in times[name])} |'
                      for name, label in [
                          ('restart', '`docker compose restart tryton` to healthy, one '
                                      'module changed'),
                          ('changed', '`ado-do update c3s`, one module changed'),
                          ('all', '`ado-do update --all c3s`')])
    write_section('module update', f'''## Updating a database after a code change

A comment added to one development module (collecting_society), then the
database brought up to date: by a restart of tryton (deploy-tryton updates
the changed module before serving), by `ado-do update c3s` (the changed
module only), and by `ado-do update --all c3s` (every activated module), in
fresh `docker compose run --rm --no-deps` containers (without --no-deps, run
starts the migrate service, which makes the update first), alternating, {rounds} rounds.

| what | median | rounds |
|---|---|---|
{table}

`ado-do update --all` takes {median["all"] / median["changed"]:.1f}x as long
as the changed-only update.
''')


if __name__ == '__main__':
    main()
