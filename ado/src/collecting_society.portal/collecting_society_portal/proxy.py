"""The client's view of the request behind the ado proxy (nginx): its address
(the proxy's X-Forwarded-For; failed logins are budgeted per address with it)
and the scheme, host and port it used, so redirects and links point back
through the proxy.

The forwarded headers count only when the request came from the proxy
itself (`proxy.hosts`, names resolved through Docker's DNS): a caller that
reaches a replica another way cannot choose its own address. nginx
overwrites X-Forwarded-For, so it holds exactly the proxy's peer. gunicorn
passes the headers on untouched and leaves the decision to this one place.
"""
import ipaddress
import logging
import socket
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from pyramid.settings import aslist
from pyramid.tweens import INGRESS

log = logging.getLogger(__name__)

# how long a resolved proxy address is believed: replicas of the proxy come
# and go with --scale
RESOLVE_TTL = 5.0


class ProxyAddresses:
    """The addresses of the proxy's names, resolved at most every RESOLVE_TTL."""

    def __init__(self, names):
        self.names = names
        self.addresses = frozenset()
        self.resolved_at = float('-inf')
        self.lock = threading.Lock()

    def __contains__(self, address):
        if time.monotonic() - self.resolved_at > RESOLVE_TTL:
            with self.lock:
                if time.monotonic() - self.resolved_at > RESOLVE_TTL:
                    self.addresses = frozenset(self._resolve())
                    self.resolved_at = time.monotonic()
        return address in self.addresses

    def _resolve(self):
        for name in self.names:
            try:
                infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
            except OSError as error:
                log.info('proxy host %s does not resolve (yet): %s', name, error)
                continue
            for info in infos:
                yield info[4][0]


def _client_address(headers):
    """The last X-Forwarded-For entry (the only one, as nginx sends it), when
    it is an IP address."""
    forwarded = headers.get('X-Forwarded-For', '').split(',')[-1].strip()
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return None


def _forwarded_host(headers):
    host = headers.get('X-Forwarded-Host', '').split(',')[0].strip()
    port = headers.get('X-Forwarded-Port', '').split(',')[0].strip()
    if host and port.isdigit() and ':' not in host.rsplit(']', 1)[-1]:
        host = f'{host}:{port}'
    return host


def proxy_tween_factory(handler, registry):
    proxies = ProxyAddresses(aslist(registry.settings['proxy.hosts']))

    def tween(request):
        # the health checks come without the header: nothing to resolve
        if 'X-Forwarded-For' not in request.headers or request.remote_addr not in proxies:
            return handler(request)
        address = _client_address(request.headers)
        if address:
            request.remote_addr = address
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
    if aslist(config.get_settings().get('proxy.hosts', '')):
        config.add_tween('collecting_society_portal.proxy.proxy_tween_factory',
                         under=INGRESS)
