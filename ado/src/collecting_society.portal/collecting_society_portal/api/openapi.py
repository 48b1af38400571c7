"""GET /v1/openapi.json: the OpenAPI 3 document of this API, kept beside the
views it describes (a test runs schemathesis against it). The request
bodies come from the domain layer's field tables (domain/), as the views'
checks do."""
from pyramid.view import view_config

from ..domain import ARTIST, CREATION, RELEASE, TOKEN
from ..domain.creation import RIGHTS
from .params import DEFAULT_LIMIT, MAX_LIMIT


def roles():
    """The Tryton module's selection: the one list of contribution roles."""
    from trytond.pool import Pool
    return [key for key, _ in Pool().get('creation.contribution').role.selection]
AUTH = [{'basicAuth': []}, {'bearerAuth': []}]


def ref(name):
    return {'$ref': f'#/components/schemas/{name}'}


def nullable(schema):
    return {**schema, 'nullable': True}


def text(max_length=None, min_length=None):
    schema = {'type': 'string'}
    if max_length:
        schema['maxLength'] = max_length
    if min_length:
        schema['minLength'] = min_length
    return schema


def obj(properties, required=(), closed=True):
    schema = {'type': 'object', 'properties': properties}
    if required:
        schema['required'] = list(required)
    if closed:
        schema['additionalProperties'] = False
    return schema


UUID = {'type': 'string', 'format': 'uuid'}
DATE = {'type': 'string', 'format': 'date'}
TOKEN_INFO = {'uuid': UUID, 'name': text(), 'created': text(), 'expires': text(),
              'last_used': nullable(text())}

SCHEMAS = {
    'Error': obj({'error': obj({
        'status': {'type': 'integer'}, 'title': text(), 'detail': text(),
        'fields': {'type': 'object', 'additionalProperties': {'type': 'string'}},
    }, required=['status', 'title', 'detail'])}, required=['error']),
    'ArtistRef': obj({'uuid': UUID, 'name': text()}, ['uuid', 'name']),
    'Artist': obj({
        'uuid': UUID, 'name': text(), 'group': {'type': 'boolean'},
        'description': nullable(text()),
        'members': {'type': 'array', 'items': ref('ArtistRef')},
        'ipi_name_number': nullable(text(11, 11)), 'isni': nullable(text(16, 16)),
    }, ['uuid', 'name', 'group', 'description', 'members', 'ipi_name_number', 'isni']),
    'ArtistInput': ARTIST.input_schema(creating=True),
    'ArtistChanges': ARTIST.input_schema(creating=False),
    'Creation': obj({
        'uuid': UUID, 'title': text(), 'artist': ref('ArtistRef'),
        'iswc': nullable(text(11, 11)),
        'date': nullable(DATE), 'lyrics': nullable(text()), 'notes': nullable(text()),
        'contributions': {'type': 'array', 'items': ref('Contribution')},
        'rights': {'type': 'array', 'items': ref('Right')},
    }, ['uuid', 'title', 'artist', 'iswc', 'date', 'lyrics', 'notes', 'contributions',
        'rights']),
    'CreationSummary': obj({
        'uuid': UUID, 'title': text(), 'artist': ref('ArtistRef'), 'date': nullable(DATE),
    }, ['uuid', 'title', 'artist', 'date']),
    'Right': obj({
        'right': {'type': 'string', 'enum': list(RIGHTS)}, 'rights_holder': ref('ArtistRef'),
        'share': text(),
    }, ['right', 'rights_holder', 'share']),
    'CreationInput': CREATION.input_schema(creating=True),
    'CreationChanges': CREATION.input_schema(creating=False),
    'License': obj({
        'uuid': UUID, 'name': text(), 'code': text(),
        'version': nullable(text()), 'url': nullable(text()),
    }, ['uuid', 'name', 'code', 'version', 'url']),
    'Track': obj({
        'sequence': nullable({'type': 'integer'}), 'title': nullable(text()),
        'creation': obj({'uuid': UUID, 'title': text()}, ['uuid', 'title']),
        'license': nullable(obj({'uuid': UUID, 'code': text()}, ['uuid', 'code'])),
    }, ['sequence', 'title', 'creation', 'license']),
    'Release': obj({
        'uuid': UUID, 'title': text(), 'date': nullable(DATE), 'label': nullable(text()),
        'tracks': {'type': 'array', 'items': ref('Track')},
    }, ['uuid', 'title', 'date', 'label', 'tracks']),
    'ReleaseInput': RELEASE.input_schema(creating=True),
    'ReleaseChanges': RELEASE.input_schema(creating=False),
    'TokenInfo': obj(TOKEN_INFO, list(TOKEN_INFO)),
    'Token': obj({'token': text(), 'token_type': {'type': 'string', 'enum': ['bearer']},
                  **TOKEN_INFO}, ['token', 'token_type', *TOKEN_INFO]),
    'TokenInput': TOKEN.input_schema(creating=True),
}

ERRORS = {
    400: 'The request is malformed (query parameter or body).',
    401: 'No or wrong credentials.',
    403: 'Not allowed to change this.',
    404: 'No such resource, or not yours.',
    409: 'Conflicts with an existing resource.',
    422: 'The body has invalid fields.',
    429: 'Too many failed logins; try again later.',
}


# what the proxy (nginx) answers itself, before the API sees the request
REFUSED_BY_THE_PROXY = {'414': {
    'description': 'The request line is longer than the proxy takes (8 KB).',
    'content': {'text/html': {'schema': {'type': 'string'}}}}}


def json_content(schema):
    return {'application/json': {'schema': schema}}


def responses(ok, ok_schema, *errors):
    result = {str(ok): {'description': 'Success', 'content': json_content(ok_schema)}}
    for code in errors:
        result[str(code)] = {'description': ERRORS[code], 'content': json_content(ref('Error'))}
    return result


def no_content_errors(*codes):
    return {str(code): {'description': ERRORS[code], 'content': json_content(ref('Error'))}
            for code in codes}


def page_schema(item):
    return obj({
        'items': {'type': 'array', 'items': ref(item)},
        'total': {'type': 'integer', 'minimum': 0},
        'limit': {'type': 'integer'}, 'offset': {'type': 'integer'},
    }, ['items', 'total', 'limit', 'offset'])


LIST_PARAMETERS = [
    {'name': 'limit', 'in': 'query', 'schema': {
        'type': 'integer', 'minimum': 1, 'maximum': MAX_LIMIT, 'default': DEFAULT_LIMIT}},
    {'name': 'offset', 'in': 'query', 'schema': {
        'type': 'integer', 'minimum': 0, 'maximum': 2**31 - 1, 'default': 0}},
    {'name': 'q', 'in': 'query', 'description': 'Search text', 'schema': {'type': 'string'}},
]
UUID_PARAMETER = [{'name': 'uuid', 'in': 'path', 'required': True, 'schema': UUID}]


def collection(name, item, public=False, writable=None, listed=None):
    """The path items of /v1/{name} and /v1/{name}/{uuid}; the list's items
    are `listed` (a summary schema) or whole items."""
    security = {} if public else {'security': AUTH}
    items = {'get': {
        'summary': f'List {name}', 'operationId': f'list_{name}', **security,
        'parameters': LIST_PARAMETERS,
        'responses': responses(200, page_schema(listed or item), 400, 401, 429)}}
    one = {'get': {
        'summary': f'One of the {name}', 'operationId': f'get_{name}', **security,
        'parameters': UUID_PARAMETER,
        'responses': responses(200, ref(item), 401, 404, 429)}}
    if writable:
        items['post'] = {
            'summary': f'Create one of the {name}', 'operationId': f'create_{name}',
            **security, 'requestBody': {'required': True,
                                        'content': json_content(ref(f'{item}Input'))},
            'responses': responses(201, ref(item), 400, 401, 403, 409, 422, 429)}
        one['patch'] = {
            'summary': f'Change one of the {name}', 'operationId': f'change_{name}',
            **security, 'parameters': UUID_PARAMETER,
            'requestBody': {'required': True, 'content': json_content(ref(f'{item}Changes'))},
            'responses': responses(200, ref(item), 400, 401, 403, 404, 409, 422, 429)}
    return {f'/v1/{name}': items, f'/v1/{name}/{{uuid}}': one}


def refused_by_the_proxy(paths):
    """`paths` with the proxy's own answers added to every operation."""
    return {path: {method: {**operation,
                            'responses': {**operation['responses'], **REFUSED_BY_THE_PROXY}}
                   for method, operation in item.items()}
            for path, item in paths.items()}


def document(server_url):
    paths = {
        '/v1/token': {
            'post': {'summary': 'A named, expiring bearer token; log in with HTTP basic '
                                '(a token cannot make tokens)',
                     'operationId': 'create_token', 'security': [{'basicAuth': []}],
                     'requestBody': {'required': False,
                                     'content': json_content(ref('TokenInput'))},
                     'responses': responses(201, ref('Token'), 400, 401, 403, 422, 429)},
            'delete': {'summary': 'Revoke the bearer token in use',
                       'operationId': 'revoke_token', 'security': AUTH,
                       'responses': {'204': {'description': 'Revoked'},
                                     **no_content_errors(400, 401, 429)}},
        },
        '/v1/tokens': {
            'get': {'summary': 'Your API tokens, with their last use',
                    'operationId': 'list_tokens', 'security': AUTH,
                    'responses': responses(200, obj({'items': {
                        'type': 'array', 'items': ref('TokenInfo')}}, ['items']), 401, 429)},
            'delete': {'summary': 'Revoke all your API tokens',
                       'operationId': 'revoke_all_tokens', 'security': AUTH,
                       'responses': {'204': {'description': 'Revoked'},
                                     **no_content_errors(401, 429)}},
        },
        '/v1/tokens/{uuid}': {
            'delete': {'summary': 'Revoke one of your API tokens',
                       'operationId': 'revoke_one_token', 'security': AUTH,
                       'parameters': UUID_PARAMETER,
                       'responses': {'204': {'description': 'Revoked'},
                                     **no_content_errors(401, 404, 429)}},
        },
        **collection('artists', 'Artist', writable=True),
        **collection('creations', 'Creation', writable=True, listed='CreationSummary'),
        **collection('licenses', 'License', public=True),
        **collection('releases', 'Release', writable=True),
        **statements.PATHS,
        **declarations.PATHS,
    }
    return {
        'openapi': '3.0.3',
        'info': {'title': 'C3S collecting society API', 'version': '1.0.0',
                 'description': 'Artists, creations, licenses and releases of the '
                                'collecting society. A web user sees and changes only '
                                'their own records; licenses are public.'},
        'servers': [{'url': server_url}],
        'paths': refused_by_the_proxy(paths),
        'components': {
            'schemas': {**SCHEMAS, 'Contribution': obj(
                {'artist': ref('ArtistRef'), 'role': {'type': 'string', 'enum': roles()}},
                ['artist', 'role']),
                        **statements.SCHEMAS, **declarations.SCHEMAS},
            'securitySchemes': {
                'basicAuth': {'type': 'http', 'scheme': 'basic',
                              'description': "The web user's email and password"},
                'bearerAuth': {'type': 'http', 'scheme': 'bearer',
                               'description': 'A token from POST /v1/token'},
            },
        },
    }


# imported here: their views use this module's helpers
from . import declarations, statements  # noqa: E402


@view_config(route_name='api_openapi', renderer='json', request_method='GET')
def openapi(request):
    # relative: right behind any proxy, resolved against this document's URL
    return document('/')
