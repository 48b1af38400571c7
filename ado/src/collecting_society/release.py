"""Releases (albums, singles) and their ordered tracks."""
from trytond.model import ModelSQL, ModelView, fields, sequence_ordered

from .owner import OwnedMixin, same_owner
from .public_id import PublicIdMixin


class Release(PublicIdMixin, OwnedMixin, ModelSQL, ModelView):
    __name__ = 'release'
    _rec_name = 'title'
    title = fields.Char("Title", required=True)
    date = fields.Date("Date", help="When the release was published.")
    label = fields.Char("Label", help="The record label.")
    tracks = fields.One2Many('release.track', 'release', "Tracks")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('title', 'ASC'))


class ReleaseTrack(sequence_ordered(), ModelSQL, ModelView):
    "A creation on a release, under a license"
    __name__ = 'release.track'
    release = fields.Many2One(
        'release', "Release", required=True, ondelete='CASCADE')
    creation = fields.Many2One(
        'creation', "Creation", required=True, ondelete='RESTRICT',
        domain=[same_owner('release')])
    license = fields.Many2One('license', "License", ondelete='RESTRICT')
    title = fields.Function(fields.Char("Title"), 'get_title')

    def get_title(self, name):
        return self.creation.title if self.creation else None

    def get_rec_name(self, name):
        return self.title or ''
