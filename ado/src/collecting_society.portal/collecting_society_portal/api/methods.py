"""405 Method Not Allowed (with Allow) for a method a resource does not have;
Pyramid alone would answer 404 when no view's request_method matches."""
from pyramid.httpexceptions import HTTPMethodNotAllowed

ALLOWED = {
    'api_home': 'GET, HEAD', 'api_openapi': 'GET, HEAD', 'api_token': 'POST, DELETE',
    'api_tokens': 'GET, HEAD, DELETE', 'api_tokens_one': 'DELETE',
    'api_artists': 'GET, HEAD, POST', 'api_artists_one': 'GET, HEAD, PATCH',
    'api_creations': 'GET, HEAD, POST', 'api_creations_one': 'GET, HEAD, PATCH',
    'api_licenses': 'GET, HEAD', 'api_licenses_one': 'GET, HEAD',
    'api_releases': 'GET, HEAD', 'api_releases_one': 'GET, HEAD',
    'api_statements': 'GET, HEAD', 'api_declarations': 'POST',
}


def not_allowed(request):
    raise HTTPMethodNotAllowed(
        f'{request.method} is not allowed here',
        headers={'Allow': ALLOWED[request.matched_route.name]})


def includeme(config):
    # a view without predicates: Pyramid tries it only after the specific ones
    for route_name in ALLOWED:
        config.add_view(not_allowed, route_name=route_name)
