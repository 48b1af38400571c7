"""Creations (works) and who contributed what to them."""
from trytond.model import ModelSQL, ModelView, fields

from . import creation_summary
from .creation_summary import ShownInSummaries
from .owner import OwnedMixin, same_owner
from .public_id import PublicIdMixin

ROLES = [
    ('composer', "Composer"),
    ('lyricist', "Lyricist"),
    ('performer', "Performer"),
    ('arranger', "Arranger"),
    ('producer', "Producer"),
    ]


class Creation(PublicIdMixin, OwnedMixin, ShownInSummaries, ModelSQL, ModelView):
    __name__ = 'creation'
    _rec_name = 'title'
    title = fields.Char("Title", required=True)
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
