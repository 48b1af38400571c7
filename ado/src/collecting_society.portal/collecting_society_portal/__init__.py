"""The collecting society's web portal and JSON API (one Pyramid app, two modes)."""
import os

from pyramid.config import Configurator

from .proxy import relative_location

MODES = ('portal', 'api')


def main(global_config, **settings):
    """The WSGI app; `ado.mode` in the ini file chooses the portal or the API."""
    mode = settings.setdefault('ado.mode', 'portal')
    if mode not in MODES:
        raise ValueError(f'ado.mode must be one of {", ".join(MODES)}, not {mode!r}')
    # edited templates show at once in development; production reads them once
    settings.setdefault('pyramid.reload_templates',
                        os.environ.get('ENVIRONMENT', 'development') != 'production')
    with Configurator(settings=settings) as config:
        config.include('.proxy')
        config.include('.tryton')
        config.include('.access')
        config.include('.routes')
        config.scan('.health')
        config.include('.portal' if mode == 'portal' else '.api')
    return relative_location(config.make_wsgi_app())
