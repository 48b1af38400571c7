"""The web user of the portal owns artists and creations."""
from trytond.model import fields
from trytond.pool import PoolMeta


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'
    artists = fields.One2Many('artist', 'web_user', "Artists")
    creations = fields.One2Many('creation', 'web_user', "Creations")
    releases = fields.One2Many('release', 'web_user', "Releases")
