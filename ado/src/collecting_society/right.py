"""Rights in a creation and who holds them, with shares.

Each right (composition, lyrics, recording) of a creation is held by one or
more rights holders: any artist (a member's, another member's co-writer, a
writer the society recorded without a web user) or publisher (an artist
marked publisher, publisher.py); the shares of one right sum to exactly 100 %,
or the creation has no holder of that right at all. The sums are checked once
a save is complete: a client saving a creation deletes, creates and writes
its rights in separate steps, and only the end result has to add up.
"""
from decimal import Decimal

from sql.aggregate import Sum

from trytond.model.exceptions import ValidationError
from trytond.i18n import gettext
from trytond.model import Check, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

RIGHTS = [
    ('composition', "Composition"),
    ('lyrics', "Lyrics"),
    ('recording', "Recording"),
    ]
HUNDRED = Decimal(100)
# set while a creation saves its rights: the creation checks them at the end
_CHECKED_BY_CREATION = '_collecting_society_rights_checked_by_creation'


class CreationRight(ModelSQL, ModelView):
    "A rights holder's share of a right in a creation"
    __name__ = 'creation.right'
    creation = fields.Many2One(
        'creation', "Creation", required=True, ondelete='CASCADE')
    right = fields.Selection(RIGHTS, "Right", required=True)
    right_string = right.translated('right')
    # any artist: co-writers are often other members or no members at
    # all; the record rules still keep a web user to their own creations
    rights_holder = fields.Many2One(
        'artist', "Rights Holder", required=True, ondelete='RESTRICT')
    share = fields.Numeric(
        "Share (%)", digits=(7, 4), required=True,
        help="The holder's part of this right, in percent.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('holder_unique', Unique(
                    table, table.creation, table.right, table.rights_holder),
                'collecting_society.msg_right_holder_unique'),
            ('share_positive', Check(
                    table, (table.share > 0) & (table.share <= 100)),
                'collecting_society.msg_right_share_positive'),
            ]
        cls._order = [('creation', 'ASC'), ('right', 'ASC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        return (f'{self.rights_holder.rec_name} ({self.right_string}, '
            f'{self.share} %)')

    @classmethod
    def create(cls, vlist):
        rights = super().create(vlist)
        cls._check_creations(rights)
        return rights

    @classmethod
    def write(cls, *args):
        before = sum(args[0:None:2], [])
        creations = {r.creation for r in before}
        super().write(*args)
        cls._check_creations(before, creations)

    @classmethod
    def delete(cls, rights):
        creations = {r.creation for r in rights}
        super().delete(rights)
        cls._check_creations([], creations)

    @classmethod
    def _check_creations(cls, rights, creations=()):
        if Transaction().context.get(_CHECKED_BY_CREATION):
            return
        Creation = Pool().get('creation')
        Creation.check_rights(set(creations) | {r.creation for r in rights})


class Creation(metaclass=PoolMeta):
    __name__ = 'creation'
    rights = fields.One2Many('creation.right', 'creation', "Rights")

    @classmethod
    def create(cls, vlist):
        with Transaction().set_context(**{_CHECKED_BY_CREATION: True}):
            creations = super().create(vlist)
        cls.check_rights(creations)
        return creations

    @classmethod
    def write(cls, *args):
        with Transaction().set_context(**{_CHECKED_BY_CREATION: True}):
            super().write(*args)
        cls.check_rights(sum(args[0:None:2], []))

    @classmethod
    def check_rights(cls, creations):
        "Each right's shares sum to exactly 100 %, in one query"
        Right = Pool().get('creation.right')
        ids = [c.id for c in creations if c and c.id is not None and c.id >= 0]
        if not ids:
            return
        right = Right.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*right.select(
                right.creation, right.right, Sum(right.share),
                where=right.creation.in_(ids),
                group_by=[right.creation, right.right],
                having=Sum(right.share) != HUNDRED))
        wrong = cursor.fetchone()
        if wrong:
            creation_id, right_name, total = wrong
            raise ValidationError(gettext(
                    'collecting_society.msg_right_shares_sum',
                    creation=cls(creation_id).rec_name,
                    right=dict(RIGHTS)[right_name],
                    total=total))
