"""Declarations: a licensee's use of works, and what was played.

A declaration states a use (category, event date or period, place,
indicators) and its utilisations: the works played, with counts or
durations. A work that matches no registered creation is kept as an
unidentified utilisation: its money waits in the distribution's reserve.
Confirming prices the declaration with the tariff system valid at its date
and makes a customer invoice with Tryton's account_invoice.
"""
from trytond.i18n import gettext
from trytond.model import Check, ModelSQL, ModelView, Unique, Workflow, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .public_id import PublicIdMixin
from .tariff import MONEY

INDICATORS = ['attendees', 'area', 'streams', 'hours']
_draft = {'readonly': Eval('state') != 'draft'}


class Declaration(PublicIdMixin, Workflow, ModelSQL, ModelView):
    "A licensee's declared use of works"
    __name__ = 'declaration'
    company = fields.Many2One('company.company', "Company", required=True,
        states=_draft)
    licensee = fields.Many2One('licensee', "Licensee", required=True,
        ondelete='RESTRICT', states=_draft)
    category = fields.Many2One('tariff.category', "Category", required=True,
        ondelete='RESTRICT', states=_draft)
    date = fields.Date("Date", required=True, states=_draft,
        help="The day of the event, or the first day of the period.")
    end_date = fields.Date("End Date", states=_draft,
        domain=[If(Eval('end_date'), ('end_date', '>=', Eval('date')), ())],
        help="The last day of the period; empty for one event.")
    place = fields.Char("Place", states=_draft)
    attendees = fields.Integer("Attendees", states=_draft)
    area = fields.Numeric("Area (m²)", digits=(16, 2), states=_draft)
    streams = fields.Integer("Streams", states=_draft)
    hours = fields.Numeric("Hours", digits=(16, 2), states=_draft)
    utilisations = fields.One2Many('utilisation', 'declaration',
        "Utilisations", states=_draft)
    tariff_system = fields.Many2One('tariff.system', "Tariff System",
        readonly=True, ondelete='RESTRICT')
    amount = fields.Numeric("Amount", digits=MONEY, readonly=True,
        help="The licence fee, without taxes, as the tariff priced it.")
    invoice = fields.Many2One('account.invoice', "Invoice", readonly=True,
        ondelete='RESTRICT')
    paid = fields.Function(fields.Boolean("Paid"), 'get_paid')
    distribution = fields.Many2One('distribution', "Distribution",
        readonly=True, ondelete='RESTRICT')
    # a declaration imported from an online service's usage report (DDEX
    # DSR): the report is imported once, as its sender names it
    dsr_sender = fields.Char("DSR Sender", readonly=True,
        help="The DDEX party ID of the service whose usage report this is.")
    dsr_message_id = fields.Char("DSR Message ID", readonly=True,
        help="The MessageId of the imported usage report.")
    state = fields.Selection([
            ('draft', "Draft"),
            ('confirmed', "Confirmed"),
            ('cancelled', "Cancelled"),
            ], "State", readonly=True, required=True, sort=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('indicators_not_negative', Check(table,
                    (table.attendees >= 0) & (table.area >= 0)
                    & (table.streams >= 0) & (table.hours >= 0)),
                'collecting_society.msg_declaration_indicator_negative'),
            ('dsr_report_unique',
                Unique(table, table.dsr_sender, table.dsr_message_id),
                'collecting_society.msg_declaration_dsr_unique'),
            ]
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'confirmed'),
            ('draft', 'cancelled'),
            ('cancelled', 'draft'),
            }
        cls._buttons.update({
                'confirm': {'invisible': Eval('state') != 'draft',
                    'depends': ['state']},
                'cancel': {'invisible': Eval('state') != 'draft',
                    'depends': ['state']},
                'draft': {'invisible': Eval('state') != 'cancelled',
                    'depends': ['state']},
                })

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_company():
        # the portal and the API work without a company in their context;
        # a society is one company
        company = Transaction().context.get('company')
        if company is None:
            companies = Pool().get('company.company').search([], limit=2)
            if len(companies) == 1:
                company = companies[0].id
        return company

    def get_rec_name(self, name):
        return f'{self.licensee.rec_name}, {self.category.rec_name}, {self.date}'

    def get_paid(self, name):
        return bool(self.invoice and self.invoice.state == 'paid')

    @property
    def indicators(self):
        return {name: getattr(self, name) for name in INDICATORS}

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, declarations):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, declarations):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('confirmed')
    def confirm(cls, declarations):
        pool = Pool()
        Invoice = pool.get('account.invoice')
        TariffSystem = pool.get('tariff.system')
        Utilisation = pool.get('utilisation')
        Utilisation.identify(
            [u for d in declarations for u in d.utilisations])
        invoices = []
        for declaration in declarations:
            system = TariffSystem.valid_at(declaration.date)
            declaration.tariff_system = system
            declaration.amount = system.price(
                declaration.category, declaration.indicators)
            declaration.invoice = declaration.make_invoice()
            invoices.append(declaration.invoice)
        Invoice.save(invoices)
        cls.save(declarations)
        # posted at once: the licensee owes the fee from now on
        Invoice.post(invoices)

    def make_invoice(self):
        pool = Pool()
        Configuration = pool.get('collecting_society.configuration')
        Invoice = pool.get('account.invoice')
        Line = pool.get('account.invoice.line')
        product = Configuration(1).licence_product
        if not product:
            raise ValidationError(gettext(
                    'collecting_society.msg_no_licence_product'))
        # every field the on_change methods read is set: a new record has
        # no value to fall back on
        invoice = Invoice(type='out', company=self.company,
            currency=self.company.currency, party=self.licensee.party,
            invoice_date=None, accounting_date=None)
        invoice.on_change_party()
        invoice.set_journal()
        line = Line(invoice=None, invoice_type='out', type='line',
            party=self.licensee.party, company=self.company,
            currency=self.company.currency, product=product, unit=None,
            taxes=[], quantity=1)
        line.on_change_product()
        line.unit_price = self.amount
        line.description = self.invoice_description()
        invoice.lines = [line]
        return invoice

    def invoice_description(self):
        period = f'{self.date}' + (
            f' - {self.end_date}' if self.end_date else '')
        place = f', {self.place}' if self.place else ''
        return f'{self.category.rec_name}, {period}{place}'

    @classmethod
    def delete(cls, declarations):
        for declaration in declarations:
            if declaration.state == 'confirmed':
                raise AccessError(gettext(
                        'collecting_society.msg_declaration_delete_confirmed',
                        declaration=declaration.rec_name))
        super().delete(declarations)


class Utilisation(ModelSQL, ModelView):
    "A work played in a declared use"
    __name__ = 'utilisation'
    _rec_name = 'title'
    declaration = fields.Many2One('declaration', "Declaration",
        required=True, ondelete='CASCADE')
    creation = fields.Many2One('creation', "Creation", ondelete='RESTRICT',
        help="The registered work; empty while the work is unidentified.")
    title = fields.Char("Title", required=True,
        help="The title as the licensee declared it.")
    artist = fields.Char("Artist", help="The artist as declared.")
    count = fields.Integer("Plays", required=True)
    duration = fields.Integer("Duration (s)",
        help="The playing time of one play, in seconds.")
    identified = fields.Function(fields.Boolean("Identified"),
        'get_identified')
    # What an online service's usage report (DDEX DSR) says of the line:
    # what matching and pricing by revenue work from. Kept on the
    # utilisation itself, since matching, the review queue and the
    # distribution all work on utilisations; a typed declaration leaves
    # them empty (NULLs cost a row nothing).
    isrc = fields.Char("ISRC", readonly=True,
        help="The recording's ISRC, as the service reported it.")
    iswc = fields.Char("ISWC", readonly=True,
        help="The work's ISWC, as the service reported it.")
    resource_type = fields.Char("Resource Type", readonly=True,
        help="What was used, in DDEX's words (SoundRecording, ...).")
    service_resource_id = fields.Char("Service's Resource ID", readonly=True,
        help="The service's own ID of the recording (DspResourceId).")
    service_work_id = fields.Char("Service's Work ID", readonly=True,
        help="The service's own ID of the musical work (DspWorkId).")
    territory = fields.Char("Territory", readonly=True,
        help="Where it was used: an ISO 3166 code, or Worldwide.")
    commercial_model = fields.Char("Commercial Model", readonly=True,
        help="How the consumer paid, in DDEX's words "
        "(SubscriptionModel, AdvertisementSupportedModel, ...).")
    use_type = fields.Char("Use Type", readonly=True,
        help="How it was used, in DDEX's words (OnDemandStream, ...).")
    revenue = fields.Numeric("Revenue", readonly=True,
        help="What the line earned the service, where the report says so.")
    price = fields.Numeric("Price", readonly=True,
        help="The price a consumer paid for one use, where reported.")
    currency_code = fields.Char("Currency", readonly=True,
        help="The ISO 4217 code of the revenue's and the price's currency.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('count_positive', Check(table, table.count > 0),
                'collecting_society.msg_utilisation_count'),
            ('duration_positive', Check(table, table.duration >= 0),
                'collecting_society.msg_utilisation_duration'),
            ]

    @classmethod
    def default_count(cls):
        return 1

    def get_identified(self, name):
        return self.creation is not None

    @classmethod
    def identify(cls, utilisations):
        """Match unidentified utilisations to creations by title and artist.

        Only an unambiguous match counts: a wrong match would pay the wrong
        people, an unidentified work only waits in the reserve.
        """
        Creation = Pool().get('creation')
        matched = []
        for utilisation in utilisations:
            if utilisation.creation:
                continue
            domain = [('title', 'ilike', _literal(utilisation.title))]
            if utilisation.artist:
                domain.append(
                    ('artist.name', 'ilike', _literal(utilisation.artist)))
            creations = Creation.search(domain, limit=2)
            if len(creations) == 1:
                utilisation.creation, = creations
                matched.append(utilisation)
        cls.save(matched)


def _literal(text):
    "A LIKE pattern that matches `text` itself, case aside"
    text = text.strip().replace('\\', '\\\\')
    return text.replace('%', '\\%').replace('_', '\\_')


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'
    declarations = fields.One2Many('declaration', 'invoice', "Declarations",
        readonly=True)
