"""The web user's API tokens: list them with their last use, make a named
one (its key is shown once, on this page, never stored in the cookie),
revoke one or all."""
from pyramid.httpexceptions import HTTPFound, HTTPNotFound
from pyramid.view import view_config

from .. import accounts
from ..domain import TOKEN, rules
from ..forms import Form
from ..security import MEMBER
from . import template


def _page(request, form, key=None, status=200):
    request.response.status = status
    return {'form': form, 'key': key, 'tokens': accounts.tokens(request.web_user)}


@view_config(route_name='tokens', renderer=template('tokens'), request_method=('GET', 'HEAD'),
             permission=MEMBER)
def tokens(request):
    return _page(request, Form(request, list(TOKEN.fields)))


@view_config(route_name='tokens', renderer=template('tokens'), request_method='POST',
             permission=MEMBER)
def create(request):
    form = Form(request, list(TOKEN.fields))
    values = form.values_for(TOKEN)
    if values is None:
        return _page(request, form, status=400)
    key, _ = accounts.new_token(request.web_user, values['name'] or 'API token',
                                values['days'] or 30)
    request.response.cache_control = 'no-store'
    return _page(request, Form(request, []), key=key)


@view_config(route_name='token_revoke', request_method='POST', permission=MEMBER)
def revoke(request):
    uuid = rules.normal_uuid(request.matchdict['uuid'])
    if uuid is None or not accounts.revoke_token(request.web_user, uuid):
        raise HTTPNotFound()
    request.session.flash('Revoked the token.')
    return HTTPFound(request.route_path('tokens'))


@view_config(route_name='tokens_revoke_all', request_method='POST', permission=MEMBER)
def revoke_all(request):
    accounts.revoke_all_tokens(request.web_user)
    request.session.flash('Revoked all your tokens.')
    return HTTPFound(request.route_path('tokens'))
