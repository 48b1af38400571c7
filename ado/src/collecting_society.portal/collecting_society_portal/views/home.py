"""The home page: what the portal is, and the way in."""
from pyramid.view import view_config


@view_config(route_name='home', renderer='collecting_society_portal:templates/home.jinja2', request_method=('GET', 'HEAD'))
def home(request):
    return {}
