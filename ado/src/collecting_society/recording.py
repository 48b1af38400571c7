"""Recordings of a creation: what online services' usage reports name by
ISRC, title, performer and duration."""
from trytond.model import Check, ModelSQL, ModelView, Unique, fields
from trytond.pool import PoolMeta

from . import identifiers
from .identified import IdentifiedMixin


class Recording(IdentifiedMixin, ModelSQL, ModelView):
    "A recording of a creation"
    __name__ = 'creation.recording'
    _rec_name = 'title'
    _identifiers = {'isrc': identifiers.isrc}
    creation = fields.Many2One(
        'creation', "Creation", required=True, ondelete='CASCADE')
    title = fields.Char("Title", required=True)
    isrc = fields.Char(
        "ISRC", help="The recording's International Standard Recording "
        "Code, as DE-A12-26-00001; stored as DEA122600001.")
    duration = fields.Integer("Duration (s)", help="In seconds.")
    # text, not an artist: the performers of most recordings are no
    # artists of ado (a band that is no member), and usage reports and
    # CWR files name them as text ("display artist"), which matching reads
    performer = fields.Char(
        "Performer", help="As credited on the recording.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            # one ISRC names one recording (ISO 3901)
            ('isrc_unique', Unique(table, table.isrc),
                'collecting_society.msg_recording_isrc_unique'),
            ('duration_positive', Check(table, table.duration >= 0),
                'collecting_society.msg_recording_duration'),
            ]
        cls._order = [('creation', 'ASC'), ('title', 'ASC'), ('id', 'ASC')]

    @fields.depends('creation', '_parent_creation.title', 'title')
    def on_change_creation(self):
        # most recordings carry the work's title
        if self.creation and not self.title:
            self.title = self.creation.title

    @classmethod
    def copy(cls, recordings, default=None):
        # a copy is another recording: it has no ISRC until given its own
        default = dict(default or {})
        default.setdefault('isrc', None)
        return super().copy(recordings, default=default)


class Creation(metaclass=PoolMeta):
    __name__ = 'creation'
    recordings = fields.One2Many(
        'creation.recording', 'creation', "Recordings")
