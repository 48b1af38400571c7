"""Artists: solo artists and groups, whose members are solo artists."""
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pyson import Eval

from .creation_summary import ShownInSummaries
from .owner import OwnedMixin, same_owner
from .public_id import PublicIdMixin


class Artist(PublicIdMixin, OwnedMixin, ShownInSummaries, ModelSQL, ModelView):
    __name__ = 'artist'
    name = fields.Char("Name", required=True)
    group = fields.Boolean(
        "Group", help="Check if the artist is a group of artists.")
    members = fields.Many2Many(
        'artist-artist', 'group_artist', 'solo_artist', "Members",
        domain=[('group', '=', False), same_owner()],
        states={'invisible': ~Eval('group', False)})
    groups = fields.Many2Many(
        'artist-artist', 'solo_artist', 'group_artist', "Groups",
        domain=[('group', '=', True), same_owner()],
        states={'invisible': Eval('group', False)})
    party = fields.Many2One(
        'party.party', "Party", ondelete='RESTRICT',
        help="The person or organisation behind the artist.")
    description = fields.Text("Description")
    picture = fields.Binary("Picture")
    creations = fields.One2Many('creation', 'artist', "Creations")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('name', 'ASC'))
        table = cls.__table__()
        # one name per artist among a web user's artists, kept by PostgreSQL:
        # a check before the insert cannot stop simultaneous requests
        cls._sql_constraints += [
            ('web_user_name_unique', Unique(table, table.web_user, table.name),
                'collecting_society.msg_artist_name_unique'),
            ]

    @classmethod
    def default_group(cls):
        return False

    @classmethod
    def copy(cls, artists, default=None):
        # a copy keeps the web user, so it needs a name of its own (unique
        # per web user): "Anna (copy)", as the Tryton client's Duplicate
        default = dict(default or {})
        default.setdefault('name', lambda data: f"{data['name']} (copy)")
        return super().copy(artists, default=default)


class ArtistArtist(ModelSQL):
    "The membership of a solo artist in a group"
    __name__ = 'artist-artist'
    group_artist = fields.Many2One(
        'artist', "Group", required=True, ondelete='CASCADE',
        domain=[('group', '=', True)])
    solo_artist = fields.Many2One(
        'artist', "Member", required=True, ondelete='CASCADE',
        domain=[('group', '=', False)])

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('membership_unique', Unique(
                    table, table.group_artist, table.solo_artist),
                'collecting_society.msg_membership_unique'),
            ]
