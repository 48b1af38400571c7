"""Distribution: the paid money of a period, to every rights holder's cent.

A run takes the declarations of its period whose invoices are paid (and no
other run has taken), and the reserves of earlier done runs. It keeps the
society's administration fee, then allocates the rest

1. to the creations by the priced weight of their utilisations (each
   declaration's amount shared by its uses' plays or playing time),
2. to the rights of each creation by the category's split (over the rights
   the creation has holders of),
3. to the rights holders by their shares,

rounding each step to the cent with the largest-remainder method. Money of
unidentified works, or of works without rights holders, stays in the run's
reserve, which a later run releases. So for every run

    sum(lines) + fee + reserve == collected

exactly. The allocation is one SQL statement: a million utilisations never
come into Python. A run goes draft -> computed -> done; computing again on
the same data gives the same lines; a done run is immutable.
"""
from decimal import ROUND_HALF_UP, Decimal

from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond.i18n import gettext
from trytond.model import Check, ModelSQL, ModelView, Workflow, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .largest_remainder import allocate
from .right import RIGHTS
from .tariff import CENT, MONEY

_draft = {'readonly': Eval('state') != 'draft'}

# Steps 1 to 3 above; %(run)s is the distribution, %(money)s the cents to
# allocate, %(uid)s the user writing the lines.
LINES_SQL = """
WITH decl AS (
    SELECT d.id, d.category, c.weighting, ROUND(d.amount * 100) AS cents
    FROM declaration AS d JOIN tariff_category AS c ON c.id = d.category
    WHERE d.distribution = %(run)s),
held AS (SELECT DISTINCT creation FROM creation_right),
used AS (
    SELECT u.declaration, held.creation, SUM(CASE
            WHEN decl.weighting = 'duration'
            THEN u.count * COALESCE(u.duration, 0)
            ELSE u.count END)::numeric AS weight
    FROM utilisation AS u JOIN decl ON decl.id = u.declaration
    LEFT JOIN held ON held.creation = u.creation
    GROUP BY u.declaration, held.creation),
used_total AS (
    SELECT declaration, SUM(weight) AS weight FROM used GROUP BY declaration),
priced AS (
    SELECT used.creation,
        CASE WHEN used.creation IS NULL THEN NULL ELSE decl.category END
            AS category,
        decl.cents * used.weight / used_total.weight AS weight
    FROM used JOIN decl ON decl.id = used.declaration
    JOIN used_total ON used_total.declaration = used.declaration
    WHERE used_total.weight > 0
    UNION ALL
    SELECT NULL, NULL, decl.cents
    FROM decl LEFT JOIN used_total ON used_total.declaration = decl.id
    WHERE COALESCE(used_total.weight, 0) = 0),
bucket AS (
    SELECT 0 AS grp, creation, category, %(money)s::numeric AS total,
        SUM(weight) AS weight
    FROM priced GROUP BY creation, category),
""" + allocate('to_creation', 'bucket', 'grp', 'creation, category') + """,
split AS (
    SELECT t.creation, t.category, t.cents AS total, r.rgt,
        CASE r.rgt WHEN 'composition' THEN c.composition
            WHEN 'lyrics' THEN c.lyrics ELSE c.recording END AS weight
    FROM to_creation AS t
    JOIN (SELECT DISTINCT creation, "right" AS rgt FROM creation_right)
        AS r ON r.creation = t.creation
    JOIN tariff_category AS c ON c.id = t.category
    WHERE t.creation IS NOT NULL AND t.cents > 0),
split_weight AS (
    -- a category that gives nothing to the rights a creation has splits
    -- that creation's money equally between them
    SELECT creation, category, total, rgt, CASE
            WHEN SUM(weight) OVER (PARTITION BY creation, category) = 0
            THEN 1 ELSE weight END AS weight
    FROM split),
""" + allocate('to_right', 'split_weight', 'creation, category', 'rgt') + """,
per_right AS (
    SELECT creation, rgt, SUM(cents) AS total
    FROM to_right GROUP BY creation, rgt),
holding AS (
    SELECT p.creation, p.rgt, p.total, r.rights_holder, r.share AS weight
    FROM per_right AS p JOIN creation_right AS r
        ON r.creation = p.creation AND r."right" = p.rgt
    WHERE p.total > 0),
""" + allocate('to_holder', 'holding', 'creation, rgt', 'rights_holder') + """
INSERT INTO distribution_line (create_uid, create_date, distribution,
    rights_holder, creation, "right", share, amount)
SELECT %(uid)s, CURRENT_TIMESTAMP AT TIME ZONE 'UTC', %(run)s,
    rights_holder, creation, rgt, weight, ROUND(cents / 100, 2)
FROM to_holder WHERE cents > 0
"""


class Distribution(Workflow, ModelSQL, ModelView):
    "A distribution run"
    __name__ = 'distribution'
    company = fields.Many2One('company.company', "Company", required=True,
        states=_draft)
    name = fields.Char("Name", required=True, states=_draft)
    start_date = fields.Date("Start Date", required=True, states=_draft,
        domain=[('start_date', '<=', Eval('end_date'))])
    end_date = fields.Date("End Date", required=True, states=_draft)
    fee_rate = fields.Numeric("Administration Fee (%)", digits=(5, 2),
        required=True, states=_draft)
    release_reserve = fields.Boolean("Release Reserves", states=_draft,
        help="Distribute the reserves of earlier runs with this one.")
    collected = fields.Numeric("Collected", digits=MONEY, readonly=True,
        help="The paid money of the period plus the reserves released.")
    released = fields.Numeric("Released", digits=MONEY, readonly=True,
        help="The part of the collected money that earlier runs reserved.")
    fee = fields.Numeric("Fee", digits=MONEY, readonly=True)
    reserve = fields.Numeric("Reserve", digits=MONEY, readonly=True,
        help="Money of unidentified works, kept for a later run.")
    distributed = fields.Function(fields.Numeric("Distributed",
            digits=MONEY), 'get_distributed')
    declarations = fields.One2Many('declaration', 'distribution',
        "Declarations", readonly=True)
    released_by = fields.Many2One('distribution', "Reserve Released By",
        readonly=True, ondelete='RESTRICT')
    lines = fields.One2Many('distribution.line', 'distribution', "Lines",
        readonly=True)
    state = fields.Selection([
            ('draft', "Draft"),
            ('computed', "Computed"),
            ('done', "Done"),
            ], "State", readonly=True, required=True, sort=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('fee_rate_range', Check(table,
                    (table.fee_rate >= 0) & (table.fee_rate <= 100)),
                'collecting_society.msg_distribution_fee_rate'),
            ]
        cls._order = [('end_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'computed'),
            ('computed', 'computed'),
            ('computed', 'draft'),
            ('computed', 'done'),
            }
        cls._buttons.update({
                'compute': {'invisible': Eval('state') == 'done',
                    'depends': ['state']},
                'draft': {'invisible': Eval('state') != 'computed',
                    'depends': ['state']},
                'do': {'invisible': Eval('state') != 'computed',
                    'depends': ['state']},
                })

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_release_reserve():
        return True

    @classmethod
    def default_fee_rate(cls):
        Configuration = Pool().get('collecting_society.configuration')
        return Configuration(1).fee_rate

    def get_distributed(self, name):
        if self.collected is None:
            return None
        return self.collected - self.fee - self.reserve

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, distributions):
        cls._release(distributions)

    @classmethod
    @ModelView.button
    @Workflow.transition('computed')
    def compute(cls, distributions):
        for distribution in distributions:
            distribution._compute()

    @classmethod
    @ModelView.button
    @Workflow.transition('done')
    def do(cls, distributions):
        pass

    @classmethod
    def _release(cls, distributions):
        "Give back the declarations, reserves and lines a run has taken"
        pool = Pool()
        Declaration = pool.get('declaration')
        Line = pool.get('distribution.line')
        ids = [d.id for d in distributions]
        if not ids:
            return
        cursor = Transaction().connection.cursor()
        line = Line.__table__()
        cursor.execute(*line.delete(where=line.distribution.in_(ids)))
        declaration = Declaration.__table__()
        cursor.execute(*declaration.update([declaration.distribution], [None],
                where=declaration.distribution.in_(ids)))
        distribution = cls.__table__()
        cursor.execute(*distribution.update(
                [distribution.released_by], [None],
                where=distribution.released_by.in_(ids)))
        cls.write(distributions, {
                'collected': None, 'released': None, 'fee': None,
                'reserve': None})

    def _compute(self):
        pool = Pool()
        Declaration = pool.get('declaration')
        Invoice = pool.get('account.invoice')
        Line = pool.get('distribution.line')
        self._release([self])
        transaction = Transaction()
        cursor = transaction.connection.cursor()

        # take the period's paid declarations that no other run has
        declaration = Declaration.__table__()
        invoice = Invoice.__table__()
        cursor.execute(*declaration.update([declaration.distribution],
                [self.id],
                from_=[invoice],
                where=(invoice.id == declaration.invoice)
                & (invoice.state == 'paid')
                & (declaration.state == 'confirmed')
                & (declaration.distribution == None)  # noqa: E711
                & (declaration.company == self.company.id)
                & (declaration.date >= self.start_date)
                & (declaration.date <= self.end_date)))
        cursor.execute(*declaration.select(
                Coalesce(Sum(declaration.amount), 0),
                where=declaration.distribution == self.id))
        paid, = cursor.fetchone()

        released = Decimal(0)
        if self.release_reserve:
            distribution = self.__table__()
            cursor.execute(*distribution.update([distribution.released_by],
                    [self.id],
                    where=(distribution.state == 'done')
                    & (distribution.released_by == None)  # noqa: E711
                    & (distribution.reserve > 0)
                    & (distribution.company == self.company.id)
                    & (distribution.id != self.id)))
            cursor.execute(*distribution.select(
                    Coalesce(Sum(distribution.reserve), 0),
                    where=distribution.released_by == self.id))
            released, = cursor.fetchone()

        paid, released = Decimal(paid), Decimal(released)
        fee = (paid * self.fee_rate / 100).quantize(CENT, ROUND_HALF_UP)
        money = paid - fee + released
        cursor.execute(LINES_SQL, {
                'run': self.id, 'money': int(money * 100),
                'uid': transaction.user})
        line = Line.__table__()
        cursor.execute(*line.select(Coalesce(Sum(line.amount), 0),
                where=line.distribution == self.id))
        distributed, = cursor.fetchone()
        self.collected = paid + released
        self.released = released
        self.fee = fee
        # exact: every line is in whole cents
        self.reserve = (money - Decimal(distributed)).quantize(CENT)
        self.save()

    @classmethod
    def write(cls, *args):
        for distributions in args[0:None:2]:
            cls._check_not_done(distributions)
        super().write(*args)

    @classmethod
    def delete(cls, distributions):
        cls._check_not_done(distributions)
        cls._release(distributions)
        super().delete(distributions)

    @classmethod
    def _check_not_done(cls, distributions):
        for distribution in distributions:
            if distribution.state == 'done':
                raise AccessError(gettext(
                        'collecting_society.msg_distribution_done',
                        distribution=distribution.rec_name))


class DistributionLine(ModelSQL, ModelView):
    "A rights holder's part of a distribution"
    __name__ = 'distribution.line'
    distribution = fields.Many2One('distribution', "Distribution",
        required=True, ondelete='CASCADE', readonly=True)
    rights_holder = fields.Many2One('artist', "Rights Holder",
        required=True, ondelete='RESTRICT', readonly=True)
    creation = fields.Many2One('creation', "Creation", required=True,
        ondelete='RESTRICT', readonly=True)
    right = fields.Selection(RIGHTS, "Right", required=True, readonly=True)
    right_string = right.translated('right')
    share = fields.Numeric("Share (%)", digits=(7, 4), readonly=True)
    amount = fields.Numeric("Amount", digits=MONEY, required=True,
        readonly=True)
    distribution_state = fields.Function(fields.Selection(
            'get_distribution_states', "Distribution State"),
        'on_change_with_distribution_state')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('distribution', 'DESC'), ('creation', 'ASC'),
            ('right', 'ASC'), ('rights_holder', 'ASC'), ('id', 'ASC')]

    @classmethod
    def get_distribution_states(cls):
        return Pool().get('distribution').fields_get(
            ['state'])['state']['selection']

    @fields.depends('distribution', '_parent_distribution.state')
    def on_change_with_distribution_state(self, name=None):
        return self.distribution.state if self.distribution else None

    @classmethod
    def create(cls, vlist):
        # lines are made only by a run's SQL, never one by one
        raise AccessError(gettext('collecting_society.msg_distribution_line'))

    @classmethod
    def write(cls, *args):
        raise AccessError(gettext('collecting_society.msg_distribution_line'))

    @classmethod
    def delete(cls, lines):
        raise AccessError(gettext('collecting_society.msg_distribution_line'))
