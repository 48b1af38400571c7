"""Licensees: venues, broadcasters and online services that use works.

A licensee is a party (who is invoiced) with the web user who declares its
uses in the portal and the API.
"""
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import PoolMeta

from .public_id import PublicIdMixin

KINDS = [
    ('venue', "Venue"),
    ('broadcaster', "Broadcaster"),
    ('online', "Online Service"),
    ]


class Licensee(PublicIdMixin, ModelSQL, ModelView):
    __name__ = 'licensee'
    _rec_name = 'name'
    party = fields.Many2One(
        'party.party', "Party", required=True, ondelete='RESTRICT',
        help="Who is invoiced for the declared uses.")
    name = fields.Function(fields.Char("Name"), 'get_name',
        searcher='search_name')
    kind = fields.Selection(KINDS, "Kind", required=True)
    kind_string = kind.translated('kind')
    web_user = fields.Many2One(
        'web.user', "Web User", ondelete='RESTRICT',
        help="The web user who declares this licensee's uses.")
    declarations = fields.One2Many('declaration', 'licensee', "Declarations")

    def get_name(self, name):
        return self.party.rec_name

    @classmethod
    def search_name(cls, name, clause):
        return [('party.rec_name',) + tuple(clause[1:])]


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'
    licensees = fields.One2Many('licensee', 'party', "Licensees")


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'
    licensees = fields.One2Many('licensee', 'web_user', "Licensees")
