"""POST /v1/token: a bearer token (a trytond web.user.session key) for the web
user who authenticates with HTTP basic; DELETE revokes the token in use."""
from pyramid.httpexceptions import HTTPNoContent
from pyramid.view import view_config

from .. import accounts
from ..security import MEMBER


@view_config(route_name='api_token', renderer='json', request_method='POST',
             permission=MEMBER)
def token(request):
    request.response.status = 201
    request.response.cache_control = 'no-store'
    return {'token': accounts.new_session(request.web_user), 'token_type': 'bearer'}


@view_config(route_name='api_token', request_method='DELETE', permission=MEMBER)
def revoke(request):
    scheme, _, key = request.headers['Authorization'].partition(' ')
    if scheme.lower() == 'bearer':
        accounts.end_session(key.strip())
    return HTTPNoContent()
