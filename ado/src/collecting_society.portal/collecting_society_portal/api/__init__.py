"""The API mode: JSON under /v1, for other systems; authenticated by HTTP basic
(a web user's email and password) or a bearer token from POST /v1/token."""
from pyramid.renderers import JSON


def includeme(config):
    config.add_renderer('json', JSON(indent=None))
    config.include('.auth')
    config.include('collecting_society_portal.security')
    config.include('collecting_society_portal.routes.api_routes')
    config.include('.methods')
    config.scan('.')
