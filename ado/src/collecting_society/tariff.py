"""The tariff system: what a declared use costs.

A tariff system is valid from a date until the next one starts; a
declaration is priced with the system valid on its date. Each system has a
formula per category (live event, background music, online stream):

    price = max(minimum, base fee + rate * indicator / per)

rounded to the cent, e.g. 50.00 + 0.40 per attendee, or 2.00 per 1000
streams. A formula is data, not code, so nobody can put code in a tariff.
The category says how its money is split between the rights and how its
uses are weighed (by plays or by playing time).
"""
from decimal import ROUND_HALF_UP, Decimal

from trytond.i18n import gettext
from trytond.model import Check, ModelSQL, ModelView, Unique, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool

INDICATORS = [
    (None, ""),
    ('attendees', "Attendees"),
    ('area', "Area (m²)"),
    ('streams', "Streams"),
    ('hours', "Hours"),
    ]
CENT = Decimal('0.01')
MONEY = (16, 2)


class TariffCategory(ModelSQL, ModelView):
    "A kind of use, with its split between the rights"
    __name__ = 'tariff.category'
    code = fields.Char("Code", required=True)
    name = fields.Char("Name", required=True, translate=True)
    composition = fields.Numeric("Composition (%)", digits=(5, 2),
        required=True)
    lyrics = fields.Numeric("Lyrics (%)", digits=(5, 2), required=True)
    recording = fields.Numeric("Recording (%)", digits=(5, 2), required=True)
    weighting = fields.Selection([
            ('plays', "Plays"),
            ('duration', "Playing time"),
            ], "Weighting", required=True,
        help="How the uses of one declaration share its money.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(table, table.code),
                'collecting_society.msg_tariff_category_code_unique'),
            ('split_sum', Check(table,
                    (table.composition >= 0) & (table.lyrics >= 0)
                    & (table.recording >= 0)
                    & (table.composition + table.lyrics + table.recording
                        == 100)),
                'collecting_society.msg_tariff_category_split'),
            ]

    @classmethod
    def default_weighting(cls):
        return 'plays'

    def split(self, right):
        return getattr(self, right)


class TariffSystem(ModelSQL, ModelView):
    "A version of the tariffs, valid from a date"
    __name__ = 'tariff.system'
    name = fields.Char("Name", required=True)
    valid_from = fields.Date("Valid From", required=True)
    formulas = fields.One2Many('tariff.formula', 'system', "Formulas")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('valid_from_unique', Unique(table, table.valid_from),
                'collecting_society.msg_tariff_system_valid_from_unique'),
            ]
        cls._order.insert(0, ('valid_from', 'DESC'))

    @classmethod
    def valid_at(cls, date):
        "The system valid on `date`"
        systems = cls.search([('valid_from', '<=', date)],
            order=[('valid_from', 'DESC')], limit=1)
        if not systems:
            raise ValidationError(gettext(
                    'collecting_society.msg_tariff_none', date=date))
        return systems[0]

    def price(self, category, indicators):
        "The price of a use of `category` with `indicators` (name: value)"
        Formula = Pool().get('tariff.formula')
        formulas = Formula.search([
                ('system', '=', self.id), ('category', '=', category.id)])
        if not formulas:
            raise ValidationError(gettext(
                    'collecting_society.msg_tariff_no_formula',
                    system=self.rec_name, category=category.rec_name))
        return formulas[0].price(indicators)


class TariffFormula(ModelSQL, ModelView):
    "The price of a category of use in one tariff system"
    __name__ = 'tariff.formula'
    system = fields.Many2One('tariff.system', "Tariff System",
        required=True, ondelete='CASCADE')
    category = fields.Many2One('tariff.category', "Category",
        required=True, ondelete='RESTRICT')
    base_fee = fields.Numeric("Base Fee", digits=MONEY, required=True)
    indicator = fields.Selection(INDICATORS, "Indicator")
    rate = fields.Numeric("Rate", digits=(16, 4), required=True,
        help="The price of `per` units of the indicator.")
    per = fields.Integer("Per", required=True,
        help="How many units of the indicator the rate is for.")
    minimum = fields.Numeric("Minimum", digits=MONEY, required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('category_unique', Unique(table, table.system, table.category),
                'collecting_society.msg_tariff_formula_unique'),
            ('per_positive', Check(table, table.per > 0),
                'collecting_society.msg_tariff_formula_per'),
            ('not_negative', Check(table, (table.base_fee >= 0)
                    & (table.rate >= 0) & (table.minimum >= 0)),
                'collecting_society.msg_tariff_formula_negative'),
            ]

    @classmethod
    def default_base_fee(cls):
        return Decimal(0)

    @classmethod
    def default_rate(cls):
        return Decimal(0)

    @classmethod
    def default_per(cls):
        return 1

    @classmethod
    def default_minimum(cls):
        return Decimal(0)

    def price(self, indicators):
        value = Decimal(indicators.get(self.indicator) or 0
            if self.indicator else 0)
        price = self.base_fee + self.rate * value / self.per
        return max(self.minimum, price).quantize(CENT, ROUND_HALF_UP)

    def get_rec_name(self, name):
        text = f'{self.base_fee}'
        if self.indicator:
            text += f' + {self.rate} per {self.per} {self.indicator}'
        return f'{self.category.rec_name}: {text}'
