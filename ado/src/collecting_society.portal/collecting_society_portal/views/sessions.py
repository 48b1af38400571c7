"""Where you are logged in: the web user's portal sessions, each ended on
its own, or all but this browser's at once (a password change or reset ends
them all, and every API token)."""
from pyramid.httpexceptions import HTTPFound, HTTPNotFound
from pyramid.view import view_config

from .. import accounts
from ..portal import SESSION_KEY
from ..security import MEMBER
from . import template


@view_config(route_name='sessions', renderer=template('sessions'),
             request_method=('GET', 'HEAD'), permission=MEMBER)
def sessions(request):
    return {'sessions': accounts.sessions(request.web_user, request.session.get(SESSION_KEY))}


@view_config(route_name='session_end', request_method='POST', permission=MEMBER)
def end(request):
    session_id = request.matchdict['id']
    if not session_id.isdigit() or len(session_id) > 18 or not accounts.end_own_session(
            request.web_user, int(session_id)):
        raise HTTPNotFound()
    request.session.flash('Ended the session.')
    return HTTPFound(request.route_path('sessions'))


@view_config(route_name='sessions_end_others', request_method='POST', permission=MEMBER)
def end_others(request):
    accounts.end_other_sessions(request.web_user, request.session.get(SESSION_KEY))
    request.session.flash('Ended every session but this one.')
    return HTTPFound(request.route_path('sessions'))
