"""The client's address behind the ado proxy (nginx), which appends it to
X-Forwarded-For; trytond counts failed logins per address with it."""
from pyramid.settings import asbool
from pyramid.tweens import INGRESS


def proxy_tween_factory(handler, registry):
    def tween(request):
        forwarded = request.headers.get('X-Forwarded-For')
        if forwarded:
            # the last hop is the one our proxy added; earlier ones are the client's word
            request.remote_addr = forwarded.split(',')[-1].strip()
        proto = request.headers.get('X-Forwarded-Proto')
        if proto in ('http', 'https'):
            request.scheme = proto
        return handler(request)
    return tween


def includeme(config):
    if asbool(config.get_settings().get('proxy.trusted', False)):
        config.add_tween('collecting_society_portal.proxy.proxy_tween_factory',
                         under=INGRESS)
