"""The portal mode: server-rendered pages, a signed session cookie holding the
web user's trytond session key, CSRF tokens on every form."""
import logging
import os

from pyramid.csrf import SessionCSRFStoragePolicy
from pyramid.session import SignedCookieSessionFactory
from pyramid.settings import asbool

from .access import web_user_from_key

SESSION_KEY = 'web_user_session'

log = logging.getLogger(__name__)


def session_factory(settings):
    secret = os.environ.get('PORTAL_SESSION_SECRET') or settings['session.secret']
    if os.environ.get('ENVIRONMENT') == 'production' and not os.environ.get(
            'PORTAL_SESSION_SECRET'):
        # the cookie only carries a server-checked session key, but a known
        # secret would let anyone forge the rest (the CSRF token)
        log.warning('PORTAL_SESSION_SECRET is not set: using the ini file\'s secret')
    return SignedCookieSessionFactory(
        secret,
        cookie_name='ado_session',
        httponly=True,
        samesite='Lax',
        # production's cookie only travels over HTTPS (a TLS front proxy)
        secure=asbool(settings.get(
            'session.secure', os.environ.get('ENVIRONMENT') == 'production')),
        max_age=None,
        # idle logout after a working day; re-sign the cookie at most every 5 minutes
        timeout=8 * 3600,
        reissue_time=300,
    )


def web_user(request):
    """The logged-in web user's id; the trytond session behind the cookie must
    still exist (log out and expiry end it on the server)."""
    return web_user_from_key(request.session.get(SESSION_KEY))


def flash_messages(request):
    """The flash messages, popped only when there are some: popping an empty
    queue would still re-send the session cookie with every page."""
    if not request.session.peek_flash():
        return []
    return request.session.pop_flash()


def includeme(config):
    settings = config.get_settings()
    config.include('pyramid_jinja2')
    config.add_jinja2_search_path('collecting_society_portal:templates', name='.jinja2')
    config.set_session_factory(session_factory(settings))
    config.set_csrf_storage_policy(SessionCSRFStoragePolicy())
    config.set_default_csrf_options(require_csrf=True)
    config.add_request_method(web_user, 'web_user', reify=True)
    config.add_request_method(flash_messages, 'flash_messages', reify=True)
    config.include('.form_size')
    config.include('.security')
    config.include('.routes.portal_routes')
    config.scan('.views')
