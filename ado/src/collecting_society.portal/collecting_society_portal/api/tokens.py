"""API tokens. POST /v1/token makes a named, expiring token for a web user
who logs in with HTTP basic (a token cannot make tokens, so revoking one
leaves no other behind); DELETE /v1/token revokes the token in use.
GET /v1/tokens lists the caller's tokens with their last use; DELETE
/v1/tokens revokes them all, DELETE /v1/tokens/{uuid} one."""
from pyramid.httpexceptions import HTTPBadRequest, HTTPForbidden, HTTPNoContent, HTTPNotFound
from pyramid.view import view_config

from .. import accounts
from ..domain import TOKEN, rules
from ..security import MEMBER
from .params import body


def _optional_body(request):
    return body(request) if request.body else {}


@view_config(route_name='api_token', renderer='json', request_method='POST',
             permission=MEMBER)
def token(request):
    if request.auth_scheme != 'basic':
        raise HTTPForbidden('a token cannot make tokens: log in with your email and password')
    values = TOKEN.values(_optional_body(request), creating=True)
    key, described = accounts.new_token(
        request.web_user, values['name'] or 'API token', values['days'] or 30)
    request.response.status = 201
    request.response.cache_control = 'no-store'
    return {'token': key, 'token_type': 'bearer', **described}


@view_config(route_name='api_token', request_method='DELETE', permission=MEMBER)
def revoke(request):
    if request.api_token is None:
        raise HTTPBadRequest('no token in use: DELETE /v1/tokens/{uuid} revokes one, '
                             'DELETE /v1/tokens all of them')
    accounts.revoke_token(request.web_user, request.api_token)
    return HTTPNoContent()


@view_config(route_name='api_tokens', renderer='json', request_method='GET',
             permission=MEMBER)
def tokens(request):
    return {'items': accounts.tokens(request.web_user)}


@view_config(route_name='api_tokens', request_method='DELETE', permission=MEMBER)
def revoke_all(request):
    accounts.revoke_all_tokens(request.web_user)
    return HTTPNoContent()


@view_config(route_name='api_tokens_one', request_method='DELETE', permission=MEMBER)
def revoke_one(request):
    uuid = rules.normal_uuid(request.matchdict['uuid'])
    if uuid is None or not accounts.revoke_token(request.web_user, uuid):
        raise HTTPNotFound('no such token of yours')
    return HTTPNoContent()
