"""Property test of distribution runs: over random shares, uses and amounts
the books always balance to the cent and nobody's amount is negative."""
import datetime
import unittest
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trytond.modules.account.tests import create_chart, get_fiscalyear
from trytond.modules.account_invoice.tests import set_invoice_sequences
from trytond.modules.company.tests import create_company, set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction

RIGHTS = ['composition', 'lyrics', 'recording']


def shares(draw, holders):
    "`holders` positive shares (in hundredths of a percent) summing to 100 %"
    cuts = sorted(draw(st.lists(st.integers(1, 9999), min_size=holders - 1,
                max_size=holders - 1, unique=True)))
    bounds = [0, *cuts, 10000]
    return [Decimal(b - a) / 100 for a, b in zip(bounds, bounds[1:])]


@st.composite
def societies(draw):
    "Creations with rights, and declarations with uses of them"
    creations = []
    for _ in range(draw(st.integers(1, 6))):
        rights = {}
        for right in draw(st.lists(st.sampled_from(RIGHTS), unique=True)):
            holders = draw(st.integers(1, 4))
            rights[right] = list(zip(
                    draw(st.permutations(range(4)))[:holders],
                    shares(draw, holders)))
        creations.append(rights)
    declarations = draw(st.lists(st.tuples(
                st.integers(0, 10_000_00).map(lambda c: Decimal(c) / 100),
                st.lists(st.tuples(
                        st.one_of(st.none(),
                            st.integers(0, len(creations) - 1)),
                        st.integers(1, 9)), max_size=6)),
            min_size=1, max_size=6))
    split = draw(st.sampled_from([
                (60, 20, 20), (100, 0, 0), (0, 0, 100), (33, 33, 34)]))
    fee_rate = draw(st.integers(0, 10000).map(lambda r: Decimal(r) / 100))
    return creations, declarations, split, fee_rate


class DistributionTestCase(unittest.TestCase):
    "Test distribution runs"

    @classmethod
    def setUpClass(cls):
        activate_module('collecting_society')

    def paid_invoice(self, company):
        "One real invoice, posted and paid, that the declarations refer to"
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Journal = pool.get('account.journal')
        Account = pool.get('account.account')
        MoveLine = pool.get('account.move.line')
        Party = pool.get('party.party')
        PaymentMethod = pool.get('account.invoice.payment.method')
        # as account.tests.tools.get_accounts picks them
        receivable, = Account.search([('type.receivable', '=', True),
                ('company', '=', company.id), ('closed', '!=', True)], limit=1)
        revenue, = Account.search([('type.revenue', '=', True),
                ('company', '=', company.id), ('closed', '!=', True)], limit=1)
        # "Cash and Cash Equivalents" of the test chart (account_chart_en.xml)
        cash, = Account.search([('code', '=', '1.1.1')])
        party, = Party.create([{'name': 'Licensee',
                    'addresses': [('create', [{}])]}])
        journal, = Journal.search([('type', '=', 'revenue')])
        invoice = Invoice(type='out', company=company, currency=company.currency,
            party=party, account=receivable, journal=journal,
            invoice_address=party.addresses[0])
        invoice.lines = [{'type': 'line', 'quantity': 1, 'account': revenue,
                'unit_price': Decimal('100'), 'description': 'Licence'}]
        invoice.save()
        Invoice.post([invoice])
        cash_journal, = Journal.search([('type', '=', 'cash')])
        method = PaymentMethod(name='Cash', company=company,
            journal=cash_journal, credit_account=cash, debit_account=cash)
        method.save()
        lines = invoice.pay_invoice(invoice.total_amount, method,
            invoice.invoice_date)
        invoice = Invoice(invoice.id)
        MoveLine.reconcile([*invoice.lines_to_pay, *lines])
        # the reconciliation queues this; a test transaction never commits
        Invoice.process([invoice])
        invoice = Invoice(invoice.id)
        self.assertEqual(invoice.state, 'paid')
        return invoice

    @with_transaction()
    def test_books_balance(self):
        "Books balance to the cent, nobody's amount is negative"
        pool = Pool()
        Artist = pool.get('artist')
        Creation = pool.get('creation')
        Category = pool.get('tariff.category')
        Declaration = pool.get('declaration')
        Distribution = pool.get('distribution')
        Licensee = pool.get('licensee')
        company = create_company()
        with set_company(company):
            create_chart(company)
            fiscalyear = set_invoice_sequences(get_fiscalyear(company))
            fiscalyear.save()
            fiscalyear.create_period([fiscalyear])
            invoice = self.paid_invoice(company)
            licensee = Licensee(party=invoice.party, kind='venue')
            licensee.save()
            artists = Artist.create([{'name': f'Artist {i}'}
                    for i in range(4)])
            years = iter(range(3000, 4000))

            @settings(max_examples=40, deadline=None,
                suppress_health_check=list(HealthCheck))
            @given(societies())
            def check(society):
                creations, declarations, split, fee_rate = society
                year = next(years)
                category, = Category.create([{'code': f'c{year}',
                            'name': 'Use', 'composition': split[0],
                            'lyrics': split[1], 'recording': split[2]}])
                records = Creation.create([{'title': f'Work {year} {i}',
                            'artist': artists[0].id, 'rights': [('create', [
                                        {'right': right,
                                            'rights_holder': artists[h].id,
                                            'share': share}
                                        for right, holdings in rights.items()
                                        for h, share in holdings])]}
                        for i, rights in enumerate(creations)])
                Declaration.create([{'licensee': licensee.id,
                            'category': category.id, 'company': company.id,
                            'date': datetime.date(year, 1, 1),
                            'amount': amount, 'invoice': invoice.id,
                            'state': 'confirmed',
                            'utilisations': [('create', [{
                                            'title': 'Work',
                                            'creation': (records[c].id
                                                if c is not None else None),
                                            'count': count}
                                        for c, count in uses])]}
                        for amount, uses in declarations])
                run, = Distribution.create([{'name': str(year),
                            'company': company.id,
                            'start_date': datetime.date(year, 1, 1),
                            'end_date': datetime.date(year, 12, 31),
                            'fee_rate': fee_rate, 'release_reserve': False}])
                Distribution.compute([run])
                run = Distribution(run.id)
                paid = sum(amount for amount, _ in declarations)
                self.assertEqual(run.collected, paid)
                self.assertEqual(
                    sum(l.amount for l in run.lines) + run.fee + run.reserve,
                    run.collected)
                self.assertTrue(all(l.amount > 0 for l in run.lines))
                self.assertGreaterEqual(run.reserve, 0)
                self.assertGreaterEqual(run.fee, 0)

            check()

