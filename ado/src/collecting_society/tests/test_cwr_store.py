"""CWR works stored: read back through Tryton's models, as the back office
and the distribution read them."""
import unittest
from decimal import Decimal
from pathlib import Path

from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from collecting_society.cwr.reader import Reader
from collecting_society.cwr.store import Store, batches

FILES = Path(__file__).parent / 'cwr'


def store(name, submitter='PB000000199', replace=None):
    "The answers to the works of the test file `name`, stored"
    data = (FILES / name).read_bytes()
    if replace:
        data = data.replace(*replace)
    reader = Reader(data.splitlines(keepends=True))
    cursor = Transaction().connection.cursor()
    saved = Store(cursor, submitter, 'MUSIC PUB')
    answers = [answer for batch in batches(reader, 2)
        for answer in saved.works(batch)]
    return answers


class CwrStoreTestCase(unittest.TestCase):
    "Test storing CWR registrations"

    @classmethod
    def setUpClass(cls):
        activate_module('collecting_society')

    @with_transaction()
    def test_works_become_creations(self):
        "A file's works are creations with their writers, publishers, shares"
        Creation = Pool().get('creation')
        answers = store('valid.V21')
        self.assertEqual([a.status for a in answers], ['AS', 'AS', 'AS'])
        morning, = Creation.search([('iswc', '=', 'T0345246801')])
        self.assertEqual(morning.title, 'MORNING LIGHT')
        holders = sorted((r.right, r.rights_holder.name,
                r.rights_holder.ipi_name_number, r.rights_holder.publisher,
                r.share) for r in morning.rights)
        self.assertEqual(holders, [
                ('composition', 'JANE SMITH', '00000000297', False,
                    Decimal(50)),
                ('composition', 'MUSIC PUB', '00000000199', True,
                    Decimal(50))])
        self.assertEqual(morning.artist.name, 'JANE SMITH')
        self.assertIsNone(morning.web_user)
        self.assertEqual([(r.isrc, r.performer) for r in morning.recordings],
            [('DEA122600001', 'THE LIGHTS')])
        # the non-member co-writer of the second work: an artist without
        # a web user, found again by his IPI
        river, = Creation.search([('title', '=', 'RIVER SONG')])
        self.assertEqual(sorted((r.rights_holder.name, r.share)
                for r in river.rights), [('JANE SMITH', Decimal(25)),
                ('JOHN DOE', Decimal(25)), ('MUSIC PUB', Decimal(50))])
        Artist = Pool().get('artist')
        self.assertEqual(len(Artist.search(
                    [('ipi_name_number', '=', '00000000297')])), 1)
        # the rights add up as any save of a creation checks them
        Creation.check_rights(Creation.search([]))

    @with_transaction()
    def test_work_numbers_are_the_creations(self):
        "The ACK's society work numbers name the stored creations"
        Registration = Pool().get('creation.registration')
        answers = store('valid.V21')
        numbers = {r.work_number: r.creation.uuid.replace('-', '')[:20]
            for r in Registration.search([])}
        self.assertEqual(
            [a.work_number for a in answers],
            [numbers[a.transaction.header.submitter_work_number]
                for a in answers])
        self.assertEqual(len(set(numbers.values())), 3)

    @with_transaction()
    def test_same_file_twice_is_duplicate(self):
        "The same file again: DU for the NWRs, the REV applied, no new work"
        Creation = Pool().get('creation')
        first = store('valid.V21')
        count = Creation.search_count([])
        again = store('valid.V21')
        self.assertEqual([a.status for a in again], ['DU', 'DU', 'AS'])
        self.assertEqual([a.work_number for a in again],
            [a.work_number for a in first])
        self.assertEqual(Creation.search_count([]), count)
        Creation.check_rights(Creation.search([]))

    @with_transaction()
    def test_same_iswc_is_duplicate(self):
        "The 2.2 file registers the 2.1 file's first work again (its ISWC)"
        store('valid.V21')
        answers = store('valid.V22')
        self.assertEqual([a.status for a in answers], ['DU'])

    @with_transaction()
    def test_other_submitters_claims_conflict(self):
        "Another publisher's claims on a registered work: CO, kept apart"
        pool = Pool()
        Creation = pool.get('creation')
        Registration = pool.get('creation.registration')
        store('valid.V21')
        morning, = Creation.search([('iswc', '=', 'T0345246801')])
        before = sorted((r.rights_holder.id, r.share) for r in morning.rights)
        answers = store('valid.V21', submitter='PB000000299')
        self.assertEqual([a.status for a in answers], ['CO', 'AS', 'CO'])
        conflict, = Registration.search([('creation', '=', morning.id),
                ('conflict', '=', True)])
        self.assertEqual(conflict.submitter, 'PB000000299')
        self.assertIn('JANE SMITH (00000000297): PR 50.00 %', conflict.claims)
        morning = Creation(morning.id)
        self.assertEqual(
            sorted((r.rights_holder.id, r.share) for r in morning.rights),
            before)

    @with_transaction()
    def test_rejected_work_stores_nothing(self):
        "A work the checks reject (shares over 100 %) is not stored"
        Creation = Pool().get('creation')
        answers = store('shares_over_100.V21')
        self.assertEqual([a.status for a in answers], ['AS', 'RJ', 'AS'])
        self.assertEqual(Creation.search_count(
                [('title', '=', 'RIVER SONG')]), 0)
        self.assertEqual(Creation.search_count([]), 2)
