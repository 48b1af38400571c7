"""An artist's statements: the lines of done distributions for the web
user's own artists, read as the portal user (the record rules keep each to
their own), as plain dicts for the page, the CSV and the API."""
import csv
import io
from decimal import Decimal

from .records import model, percent

CSV_COLUMNS = ['distribution', 'period_end', 'creation', 'right',
               'rights_holder', 'share', 'amount']


def lines():
    """Each statement line, newest distribution first (call as portal)."""
    return [{
        'distribution': line.distribution.name,
        'period_start': line.distribution.start_date.isoformat(),
        'period_end': line.distribution.end_date.isoformat(),
        'creation': {'uuid': line.creation.uuid, 'title': line.creation.title},
        'right': line.right,
        'rights_holder': {'uuid': line.rights_holder.uuid,
                          'name': line.rights_holder.name},
        'share': percent(line.share),
        'amount': str(line.amount),
    } for line in model('distribution.line').search([])]


def total(statement_lines):
    return str(sum((Decimal(l['amount']) for l in statement_lines), Decimal('0.00')))


def _cell(value):
    # a cell a spreadsheet would run as a formula is shown as text
    return "'" + value if value[:1] in ('=', '+', '-', '@', '\t', '\r') else value


def as_csv(statement_lines):
    out = io.StringIO()
    # every cell quoted: a spreadsheet splitting on ";" (German Excel) split
    # an unquoted title "Song;=1+2" into a cell it ran as a formula
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for l in statement_lines:
        writer.writerow([_cell(l['distribution']), l['period_end'],
                         _cell(l['creation']['title']), l['right'],
                         _cell(l['rights_holder']['name']), l['share'], l['amount']])
    return out.getvalue()
