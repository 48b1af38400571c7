"""The client's view of the request behind the ado proxy (nginx): its address
(appended to X-Forwarded-For; trytond counts failed logins per address with
it) and the scheme, host and port it used, so redirects and links point back
through the proxy."""
from urllib.parse import urlsplit, urlunsplit

from pyramid.settings import asbool
from pyramid.tweens import INGRESS


def _forwarded_host(headers):
    host = headers.get('X-Forwarded-Host', '').split(',')[0].strip()
    port = headers.get('X-Forwarded-Port', '').split(',')[0].strip()
    if host and port.isdigit() and ':' not in host.rsplit(']', 1)[-1]:
        host = f'{host}:{port}'
    return host


def proxy_tween_factory(handler, registry):
    def tween(request):
        forwarded = request.headers.get('X-Forwarded-For')
        if forwarded:
            # the last hop is the one our proxy added; earlier ones are the client's word
            request.remote_addr = forwarded.split(',')[-1].strip()
        proto = request.headers.get('X-Forwarded-Proto', '').split(',')[0].strip()
        if proto in ('http', 'https'):
            request.scheme = proto
        host = _forwarded_host(request.headers)
        if host:
            request.host = host
        return handler(request)
    return tween


def relative_location(app):
    """WSGI middleware: a Location on this very host becomes a path. WebOb
    makes every Location absolute from the Host header, and a proxy that
    drops the port from it (nginx's $host) would send browsers elsewhere."""
    def middleware(environ, start_response):
        def start(status, headers, exc_info=None):
            host = environ.get('HTTP_HOST', '')
            headers = [(name, _strip(value, host) if name.lower() == 'location' else value)
                       for name, value in headers]
            return start_response(status, headers, exc_info)
        return app(environ, start)
    return middleware


DEFAULT_PORTS = {'http': ':80', 'https': ':443'}


def _strip(location, host):
    """The location as a path when it points at host (default ports aside)."""
    parts = urlsplit(location)
    if parts.scheme not in DEFAULT_PORTS:
        return location
    default = DEFAULT_PORTS[parts.scheme]
    if parts.netloc.removesuffix(default) != host.removesuffix(default):
        return location
    return urlunsplit(('', '', parts.path or '/', parts.query, parts.fragment))


def includeme(config):
    if asbool(config.get_settings().get('proxy.trusted', False)):
        config.add_tween('collecting_society_portal.proxy.proxy_tween_factory',
                         under=INGRESS)
