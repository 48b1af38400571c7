"""Writes one benchmark's section of BENCHMARKS.md, leaving the others as they are.

Each bench script calls write_section("name", markdown); the section sits
between <!-- name --> and <!-- /name --> markers and is replaced on each run.
"""
import datetime
import platform
import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / 'BENCHMARKS.md'
HEADER = ('# Benchmarks\n\nWritten by the scripts in bench/; each section says '
          'what it compares, measured side by side in one run.\n')


def machine():
    """One line naming the machine and the time, for the section's footer."""
    import os
    return (f'{platform.node()}, {os.cpu_count()} cores, '
            f'{datetime.datetime.now().isoformat(timespec="seconds")}')


def write_section(name, markdown):
    text = BENCHMARKS.read_text() if BENCHMARKS.exists() else HEADER
    block = f'<!-- {name} -->\n{markdown.strip()}\n\n_Measured on {machine()}._\n<!-- /{name} -->'
    pattern = re.compile(rf'<!-- {re.escape(name)} -->.*?<!-- /{re.escape(name)} -->', re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip() + '\n\n' + block + '\n'
    BENCHMARKS.write_text(text)
    print(f'wrote section {name!r} of {BENCHMARKS}')
