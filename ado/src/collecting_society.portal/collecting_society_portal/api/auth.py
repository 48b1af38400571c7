"""Who calls the API: HTTP basic over a web user's credentials, or a bearer
token (a named API token made by POST /v1/token; never a portal session)."""
import base64
import binascii

from pyramid.httpexceptions import HTTPTooManyRequests

from .. import accounts


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
    """The web user's id, or None (see accounts.authenticate). Credentials
    found right are believed for a minute (collecting_society's session:
    until any web user or session changes, a password above all), so an API
    client sending them with every call does not pay a password hash each."""
    believed = accounts.believed_credentials(email, password)
    if believed is not None:
        return believed
    try:
        user = accounts.authenticate(email, password)
    except accounts.Unverified as error:
        raise BadCredentials(str(error)) from error
    except accounts.Throttled as error:
        # at once: no server thread waits for an attacker
        raise HTTPTooManyRequests(
            str(error), headers={'Retry-After': str(error.retry_after)}) from error
    if user is not None:
        accounts.believe_credentials(email, password, user)
    return user


def web_user(request):
    """The calling web user's id, None when no credentials came; wrong
    credentials raise BadCredentials (a 401)."""
    scheme, _, value = request.headers.get('Authorization', '').strip().partition(' ')
    scheme = scheme.lower()
    request.auth_scheme = scheme
    request.api_token = None
    if not scheme:
        return None
    if scheme == 'basic':
        user = authenticate(*basic_credentials(value.strip()))
    elif scheme == 'bearer':
        if '\x00' in value:
            raise BadCredentials('malformed bearer token')
        found = accounts.token_owner(value.strip())
        user, request.api_token = found or (None, None)
    else:
        raise BadCredentials(f'unsupported authorization scheme {scheme!r}')
    if user is None:
        raise BadCredentials('wrong credentials')
    return user


def includeme(config):
    config.add_request_method(web_user, 'web_user', reify=True)
