"""What ./update shows while the repositories are handled in parallel: a live
table on a terminal (live_table.py), one plain line per finished repository
otherwise (logs, CI, pipes)."""
import sys
import threading


class PlainLog:
    """One line per repository when it is done; nothing redraws."""

    def __init__(self, names=()):
        self._lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def state(self, name, text):
        pass

    def done(self, name, outcome):
        with self._lock:
            mark = 'ok  ' if outcome.ok else 'FAIL'
            print(f'{mark} {name}: {outcome.message}', flush=True)


def display(names):
    """The display that suits stdout."""
    if not names:
        return PlainLog()
    if not sys.stdout.isatty():
        return PlainLog(names)
    from .live_table import LiveTable  # rich is a slow import: only when it is used
    return LiveTable(names)
