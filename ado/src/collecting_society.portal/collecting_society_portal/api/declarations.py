"""POST /v1/declarations: a licensee declares a use and what was played.

The declaration is made as a draft of one of the caller's licensees; the
society confirms it (pricing and invoice) in the back office."""
from pyramid.view import view_config

from .. import records
from ..domain import DECLARATION, declaration_values
from ..security import MEMBER
from .openapi import obj, ref, responses, text
from .params import body


def present(declaration):
    return {
        'uuid': declaration.uuid, 'licensee': declaration.licensee.uuid,
        'category': declaration.category.code, 'date': declaration.date.isoformat(),
        'end_date': declaration.end_date.isoformat() if declaration.end_date else None,
        'place': declaration.place, 'state': declaration.state,
        'amount': str(declaration.amount) if declaration.amount is not None else None,
        'utilisations': [{
            'title': u.title, 'artist': u.artist, 'count': u.count,
            'duration': u.duration,
            'creation': records.ref(u.creation, 'title')}
            for u in declaration.utilisations],
    }


@view_config(route_name='api_declarations', renderer='json', request_method='POST',
             permission=MEMBER)
def declare(request):
    data = body(request)
    with request.as_portal():
        created, = records.model('declaration').create([declaration_values(data)])
        request.response.status = 201
        return present(created)


SCHEMAS = {
    'DeclarationInput': DECLARATION.input_schema(creating=True),
    'Declaration': obj({
        'uuid': {'type': 'string', 'format': 'uuid'},
        'licensee': {'type': 'string', 'format': 'uuid'}, 'category': text(),
        'date': {'type': 'string', 'format': 'date'},
        'end_date': {'type': 'string', 'format': 'date', 'nullable': True},
        'place': {**text(), 'nullable': True}, 'state': text(),
        'amount': {**text(), 'nullable': True},
        'utilisations': {'type': 'array', 'items': {'type': 'object'}},
    }, ['uuid', 'licensee', 'category', 'date', 'state', 'utilisations']),
}
PATHS = {'/v1/declarations': {'post': {
    'summary': 'Declare a use of works for one of your licensees',
    'operationId': 'create_declarations',
    'security': [{'basicAuth': []}, {'bearerAuth': []}],
    'requestBody': {'required': True, 'content': {
        'application/json': {'schema': ref('DeclarationInput')}}},
    'responses': responses(201, ref('Declaration'), 400, 401, 422, 429)}}}
