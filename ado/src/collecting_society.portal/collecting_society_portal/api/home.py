"""GET /: where the API lives."""
from pyramid.view import view_config


@view_config(route_name='api_home', renderer='json', request_method=('GET', 'HEAD'))
def home(request):
    return {
        'name': 'C3S collecting society API',
        'openapi': request.route_path('api_openapi'),
        'resources': {kind: request.route_path(f'api_{kind}')
                      for kind in ('artists', 'creations', 'licenses', 'releases')},
    }
