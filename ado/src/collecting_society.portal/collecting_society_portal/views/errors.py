"""Error pages: a message the user can act on, never a stack trace."""
import logging

from pyramid.csrf import BadCSRFToken
from pyramid.httpexceptions import HTTPError, HTTPFound, HTTPServiceUnavailable
from pyramid.view import exception_view_config, forbidden_view_config, notfound_view_config

from ..errors import log_failure
from . import template

log = logging.getLogger(__name__)


def _page(request, status, title, text):
    request.response.status = status
    return {'title': title, 'text': text}


@notfound_view_config(renderer=template('error'))
def not_found(request):
    return _page(request, 404, 'Not found',
                 'There is nothing here, or it is not yours to see.')


@forbidden_view_config(renderer=template('error'))
def forbidden(request):
    if not request.web_user:
        return HTTPFound(request.route_path('login', _query={'next': request.path_qs}))
    return _page(request, 403, 'Forbidden', 'This is not yours to change.')


@exception_view_config(BadCSRFToken, renderer=template('error'))
def bad_csrf(request):
    return _page(request, 400, 'Form expired',
                 'The form was too old or came from elsewhere. '
                 'Please go back, reload the page and send it again.')


@exception_view_config(HTTPServiceUnavailable, renderer=template('error'))
def unavailable(request):
    log.warning('%s %s: %s', request.method, request.path, request.exception)
    return _page(request, 503, 'Not available yet',
                 'The portal is starting or being updated. Please try again in a minute.')


@exception_view_config(HTTPError, renderer=template('error'))
def http_error(request):
    error = request.exception
    return _page(request, error.code, error.title, error.detail or error.explanation)


@exception_view_config(Exception, renderer=template('error'))
def server_error(request):
    log_failure(log, request)
    return _page(request, 500, 'Something went wrong',
                 'We could not do that, and have noted the problem. Please try again later.')
