"""Creations (works) and who contributed what to them."""
import re

from trytond.model import ModelSQL, ModelView, Unique, fields

from . import creation_summary, identifiers
from .creation_summary import ShownInSummaries
from .identified import IdentifiedMixin
from .owner import OwnedMixin, same_owner
from .public_id import PublicIdMixin

ROLES = [
    ('composer', "Composer"),
    ('lyricist', "Lyricist"),
    ('performer', "Performer"),
    ('arranger', "Arranger"),
    ('producer', "Producer"),
    ]


class Creation(IdentifiedMixin, PublicIdMixin, OwnedMixin, ShownInSummaries,
        ModelSQL, ModelView):
    __name__ = 'creation'
    _rec_name = 'title'
    _identifiers = {'iswc': identifiers.iswc}
    title = fields.Char("Title", required=True)
    iswc = fields.Char(
        "ISWC", help="The work's International Standard Musical Work Code, "
        "as T-034.524.680-1; stored as T0345246801.")
    artist = fields.Many2One(
        'artist', "Artist", required=True, ondelete='RESTRICT',
        domain=[same_owner()])
    date = fields.Date("Date", help="When the work was created.")
    lyrics = fields.Text("Lyrics")
    notes = fields.Text("Notes")
    contributions = fields.One2Many(
        'creation.contribution', 'creation', "Contributions")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('title', 'ASC'))
        table = cls.__table__()
        # one ISWC names one work (ISO 15707)
        cls._sql_constraints += [
            ('iswc_unique', Unique(table, table.iswc),
                'collecting_society.msg_creation_iswc_unique'),
            ]

    @classmethod
    def copy(cls, creations, default=None):
        # a copy is another work: it has no ISWC until it is given its own
        default = dict(default or {})
        default.setdefault('iswc', None)
        return super().copy(creations, default=default)

    @classmethod
    def search_rec_name(cls, name, clause):
        # found by title or ISWC; people write an ISWC with dashes and dots,
        # it is stored without them
        _, operator, operand, *extra = clause
        bool_op = 'AND' if operator.startswith(('!', 'not ')) else 'OR'
        iswc = (re.sub(r'[\s.\-]', '', operand).upper()
            if isinstance(operand, str) else operand)
        return [bool_op,
            ('title', operator, operand, *extra),
            ('iswc', operator, iswc, *extra),
            ]

    @classmethod
    def summaries(cls, domain=(), offset=0, limit=None, order=None):
        """(rows, total) of the caller's creations as lists show them."""
        return creation_summary.summaries(domain, offset, limit, order)


class CreationContribution(ModelSQL, ModelView):
    "Who did what on a creation"
    __name__ = 'creation.contribution'
    creation = fields.Many2One(
        'creation', "Creation", required=True, ondelete='CASCADE')
    artist = fields.Many2One(
        'artist', "Artist", required=True, ondelete='RESTRICT',
        domain=[same_owner('creation')])
    role = fields.Selection(ROLES, "Role", required=True)
    role_string = role.translated('role')

    def get_rec_name(self, name):
        return f'{self.artist.rec_name} ({self.role_string})'
