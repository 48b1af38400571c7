"""Who calls the API: HTTP basic over a web user's credentials, or a bearer
token (a trytond web.user.session key made by POST /v1/token)."""
import base64
import binascii

from pyramid.httpexceptions import HTTPTooManyRequests

from .. import accounts
from ..access import web_user_from_key


class BadCredentials(Exception):
    """The Authorization header is malformed or its credentials are wrong."""


def basic_credentials(header):
    """(email, password) from an HTTP basic Authorization value."""
    try:
        decoded = base64.b64decode(header, validate=True).decode('utf-8')
    except (binascii.Error, UnicodeDecodeError) as error:
        raise BadCredentials('malformed basic credentials') from error
    email, sep, password = decoded.partition(':')
    if not sep or not email or '\x00' in decoded:
        raise BadCredentials('malformed basic credentials')
    return email, password


def authenticate(email, password):
    """The web user's id, or None (see accounts.authenticate)."""
    from trytond.exceptions import RateLimitException
    try:
        return accounts.authenticate(email, password)
    except RateLimitException as error:
        raise HTTPTooManyRequests('Too many failed logins; try again later.') from error


def web_user(request):
    """The calling web user's id, None when no credentials came; wrong
    credentials raise BadCredentials (a 401)."""
    scheme, _, value = request.headers.get('Authorization', '').strip().partition(' ')
    scheme = scheme.lower()
    if not scheme:
        return None
    if scheme == 'basic':
        user = authenticate(*basic_credentials(value.strip()))
    elif scheme == 'bearer':
        if '\x00' in value:
            raise BadCredentials('malformed bearer token')
        user = web_user_from_key(value.strip())
    else:
        raise BadCredentials(f'unsupported authorization scheme {scheme!r}')
    if user is None:
        raise BadCredentials('wrong credentials')
    return user


def includeme(config):
    config.add_request_method(web_user, 'web_user', reify=True)
