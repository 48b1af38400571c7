"""The dashboard: the logged-in web user's artists and creations at a glance."""
from pyramid.view import view_config

from ..records import artist, creation, own
from ..security import MEMBER
from . import template


@view_config(route_name='dashboard', renderer=template('dashboard'),
             request_method=('GET', 'HEAD'), permission=MEMBER)
def dashboard(request):
    from trytond.pool import Pool
    WebUser = Pool().get('web.user')
    with request.as_portal():
        return {
            'email': WebUser(request.web_user).email,
            'artists': [artist(a) for a in own('artist')],
            'creations': [creation(c) for c in own('creation')],
        }
