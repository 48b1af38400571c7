"""Pyramid's security policy: a view with permission 'member' needs a
logged-in web user (request.web_user, which each mode resolves its own way)."""
from pyramid.security import Allowed, Denied

MEMBER = 'member'


class WebUserSecurityPolicy:

    def identity(self, request):
        return request.web_user

    def authenticated_userid(self, request):
        web_user = request.web_user
        return str(web_user) if web_user else None

    def permits(self, request, context, permission):
        if permission != MEMBER or request.web_user:
            return Allowed('logged in')
        return Denied('log in first')

    def remember(self, request, userid, **kw):
        return []

    def forget(self, request, **kw):
        return []


def includeme(config):
    config.set_security_policy(WebUserSecurityPolicy())
