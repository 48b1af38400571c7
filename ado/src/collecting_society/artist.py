"""Artists: solo artists and groups, whose members are solo artists."""
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pyson import Eval

from . import identifiers
from .creation_summary import ShownInSummaries
from .identified import IdentifiedMixin
from .owner import OwnedMixin, same_owner
from .public_id import PublicIdMixin


class Artist(IdentifiedMixin, PublicIdMixin, OwnedMixin, ShownInSummaries,
        ModelSQL, ModelView):
    __name__ = 'artist'
    _identifiers = {
        'ipi_name_number': identifiers.ipi_name_number,
        'ipi_base_number': identifiers.ipi_base_number,
        'isni': identifiers.isni,
        }
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
    ipi_name_number = fields.Char(
        "IPI Name Number", help="The 11 digits CISAC's IPI system gives this "
        "name of a writer or publisher, as 00014107338.")
    ipi_base_number = fields.Char(
        "IPI Base Number", help="The IPI number of the person or "
        "organisation behind all its names, as I-000000229-7.")
    isni = fields.Char(
        "ISNI", help="The International Standard Name Identifier of this "
        "public identity, as 0000 0001 2281 955X.")
    performing_society = fields.Many2One(
        'collecting_society.society', "Performing Rights Society",
        ondelete='RESTRICT',
        help="The society that collects this artist's performing rights.")
    mechanical_society = fields.Many2One(
        'collecting_society.society', "Mechanical Rights Society",
        ondelete='RESTRICT',
        help="The society that collects this artist's mechanical rights.")

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
            # an IPI name number names one name of one party and an ISNI
            # one public identity; the IPI base number is shared by all the
            # names (pseudonyms) of a party, so it repeats
            ('ipi_name_number_unique', Unique(table, table.ipi_name_number),
                'collecting_society.msg_artist_ipi_name_number_unique'),
            ('isni_unique', Unique(table, table.isni),
                'collecting_society.msg_artist_isni_unique'),
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
        # and no IPI name number or ISNI: they name the original only
        default.setdefault('ipi_name_number', None)
        default.setdefault('isni', None)
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
