"""./update's display on a terminal: one row per repository, redrawn in place."""
import threading

from rich.console import Console
from rich.live import Live
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text


class LiveTable:
    """A table with one row per repository, redrawn in place."""

    def __init__(self, names):
        self._lock = threading.Lock()
        self._rows = {name: ('waiting', None) for name in names}
        self._spinner = Spinner('dots')
        self._live = Live(self, console=Console(), refresh_per_second=8, transient=False)

    def __enter__(self):
        self._live.__enter__()
        return self

    def __exit__(self, *exc):
        self._live.refresh()
        return self._live.__exit__(*exc)

    def __rich__(self):
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(width=2)
        table.add_column(style='bold')
        table.add_column()
        with self._lock:
            rows = list(self._rows.items())
        for name, (text, ok) in rows:
            if ok is None:
                mark = self._spinner if text != 'waiting' else Text('·', style='dim')
            else:
                mark = Text('✓', style='green') if ok else Text('✗', style='red bold')
            style = 'dim' if ok is None else (None if ok else 'red')
            table.add_row(mark, name, Text(text, style=style))
        return table

    def state(self, name, text):
        with self._lock:
            self._rows[name] = (text, None)

    def done(self, name, outcome):
        with self._lock:
            self._rows[name] = (outcome.message, outcome.ok)
