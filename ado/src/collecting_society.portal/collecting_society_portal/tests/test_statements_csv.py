"""statements.csv: no cell a spreadsheet would run as a formula."""
import csv
import io

from collecting_society_portal.statements import as_csv

LINE = {'distribution': '2026 first half', 'period_end': '2026-06-30',
        'creation': {'title': 'Song;=1+2;@SUM(3+4)'}, 'right': 'composition',
        'rights_holder': {'name': '=HYPERLINK("http://evil")'}, 'share': '50',
        'amount': '1.00'}


def test_every_cell_is_quoted_so_a_semicolon_splits_nothing():
    # German Excel splits on ";" except inside quotes: "=1+2" was a cell of its own
    row = as_csv([LINE]).splitlines()[1]
    assert row.startswith('"2026 first half","2026-06-30","Song;=1+2;@SUM(3+4)",'), row


def test_a_cell_starting_as_a_formula_is_text():
    row = next(csv.reader(io.StringIO(as_csv([LINE]).splitlines()[1])))
    assert row[4] == '\'=HYPERLINK("http://evil")'
