"""GET /v1/statements: the caller's statement lines of done distributions."""
from pyramid.view import view_config

from .. import statements
from ..security import MEMBER
from .openapi import obj, ref, responses, text


@view_config(route_name='api_statements', renderer='json', request_method='GET',
             permission=MEMBER)
def statement_lines(request):
    with request.as_portal():
        lines = statements.lines()
    return {'items': lines, 'total': statements.total(lines)}


MONEY = {'type': 'string', 'pattern': r'^-?\d+\.\d{2}$'}
SCHEMAS = {
    'StatementLine': obj({
        'distribution': text(), 'period_start': {'type': 'string', 'format': 'date'},
        'period_end': {'type': 'string', 'format': 'date'},
        'creation': obj({'uuid': {'type': 'string', 'format': 'uuid'}, 'title': text()},
                        ['uuid', 'title']),
        'right': {'type': 'string', 'enum': ['composition', 'lyrics', 'recording']},
        'rights_holder': ref('ArtistRef'), 'share': text(), 'amount': MONEY,
    }, ['distribution', 'period_start', 'period_end', 'creation', 'right',
        'rights_holder', 'share', 'amount']),
    'Statements': obj({'items': {'type': 'array', 'items': ref('StatementLine')},
                       'total': MONEY}, ['items', 'total']),
}
PATHS = {'/v1/statements': {'get': {
    'summary': "The caller's statement lines of done distributions, and their total",
    'operationId': 'list_statements', 'security': [{'basicAuth': []}, {'bearerAuth': []}],
    'responses': responses(200, ref('Statements'), 401, 429)}}}
