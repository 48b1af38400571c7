"""Errors of the API as JSON: {"error": {"status", "title", "detail"}}, with
the right status code and never a stack trace."""
import logging

from pyramid.httpexceptions import HTTPError, HTTPUnauthorized
from pyramid.view import exception_view_config, forbidden_view_config, notfound_view_config

from ..errors import USER_ERRORS, log_failure, message, status
from .auth import BadCredentials
from ..domain import Invalid

log = logging.getLogger(__name__)


def error(request, status, title, detail, headers=None):
    request.response.status = status
    request.response.headers.update(headers or {})
    return {'error': {'status': status, 'title': title, 'detail': detail}}


def challenge(request, detail):
    return error(request, 401, 'Unauthorized', detail,
                 {'WWW-Authenticate': 'Basic realm="ado", charset="UTF-8"'})


@notfound_view_config(renderer='json')
def not_found(request):
    return error(request, 404, 'Not Found', 'No such resource, or it is not yours.')


@forbidden_view_config(renderer='json')
def forbidden(request):
    if not request.web_user:
        return challenge(request, 'Authenticate with HTTP basic or a bearer token.')
    return error(request, 403, 'Forbidden', 'This is not yours to change.')


@exception_view_config(BadCredentials, renderer='json')
def bad_credentials(request):
    return challenge(request, str(request.exception))


@exception_view_config(Invalid, renderer='json')
def invalid(request):
    result = error(request, 422, 'Unprocessable Entity', 'Some fields are invalid.')
    result['error']['fields'] = request.exception.errors
    return result


@exception_view_config(USER_ERRORS[0], renderer='json')
@exception_view_config(USER_ERRORS[1], renderer='json')
def refused(request):
    code = status(request.exception)
    titles = {403: 'Forbidden', 409: 'Conflict', 422: 'Unprocessable Entity'}
    return error(request, code, titles.get(code, 'Error'), message(request.exception))


@exception_view_config(HTTPError, renderer='json')
def http_error(request):
    exc = request.exception
    if isinstance(exc, HTTPUnauthorized):
        return challenge(request, exc.detail or exc.explanation)
    return error(request, exc.code, exc.title, exc.detail or exc.explanation,
                 {k: v for k, v in exc.headers.items() if k in ('Retry-After', 'Allow')})


@exception_view_config(Exception, renderer='json')
def server_error(request):
    log_failure(log, request)
    return error(request, 500, 'Internal Server Error',
                 'The request failed on our side and was logged.')

