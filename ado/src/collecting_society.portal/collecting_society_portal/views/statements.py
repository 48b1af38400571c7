"""/statements: the web user's statement lines and total, and their CSV."""
from pyramid.response import Response
from pyramid.view import view_config

from .. import statements
from ..security import MEMBER
from . import template


@view_config(route_name='statements', renderer=template('statements'),
             request_method=('GET', 'HEAD'), permission=MEMBER)
def statement_page(request):
    with request.as_portal():
        lines = statements.lines()
    return {'lines': lines, 'total': statements.total(lines)}


@view_config(route_name='statements_csv', request_method=('GET', 'HEAD'),
             permission=MEMBER)
def statement_csv(request):
    with request.as_portal():
        lines = statements.lines()
    return Response(
        statements.as_csv(lines), content_type='text/csv', charset='utf-8',
        content_disposition='attachment; filename="statements.csv"')
