"""The home page: what the portal is, and the way in."""
from pyramid.view import view_config

from . import template


@view_config(route_name='home', renderer=template('home'), request_method=('GET', 'HEAD'))
def home(request):
    return {}
