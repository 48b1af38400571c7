"""Records with identifiers: stored in one form, invalid ones refused with
the module's sentence, unique where the standards say so; the society codes
loaded as reference data."""
import unittest

from trytond.exceptions import UserError
from trytond.model.exceptions import (
    AccessError, SQLConstraintError, ValidationError)
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction


class IdentifiedRecordsTestCase(unittest.TestCase):
    "Test identifiers on creations, recordings and artists"

    @classmethod
    def setUpClass(cls):
        activate_module('collecting_society')

    def artist(self, **values):
        Artist = Pool().get('artist')
        artist, = Artist.create([{'name': "Anna", **values}])
        return artist

    def creation(self, **values):
        Creation = Pool().get('creation')
        creation, = Creation.create([{
                    'title': "Song", 'artist': self.artist().id, **values}])
        return creation

    @with_transaction()
    def test_creation_iswc_stored_compact(self):
        creation = self.creation(iswc='t-034.524.680-1')
        self.assertEqual(creation.iswc, 'T0345246801')
        Creation = Pool().get('creation')
        Creation.write([creation], {'iswc': 'T-123.456.789-4'})
        self.assertEqual(creation.iswc, 'T1234567894')
        Creation.write([creation], {'iswc': ' '})
        self.assertIsNone(creation.iswc)

    @with_transaction()
    def test_creation_found_by_iswc(self):
        "The back office's search finds a work by its ISWC, however written"
        Creation = Pool().get('creation')
        creation = self.creation(title="Found", iswc='T0345246801')
        self.creation(title="Other")
        for text in ['T-034.524.680-1', '%034.524%', 'Found']:
            with self.subTest(text=text):
                self.assertEqual(Creation.search(
                        [('rec_name', 'ilike', text)]), [creation])

    @with_transaction()
    def test_creation_iswc_invalid(self):
        with self.assertRaises(ValidationError) as raised:
            self.creation(iswc='T-034.524.680-2')
        self.assertEqual(raised.exception.message,
            'The ISWC "T-034.524.680-2" is invalid: the check digit should '
            'be 1.')
        creation = self.creation()
        with self.assertRaises(ValidationError):
            Pool().get('creation').write([creation], {'iswc': 'T034524680'})

    @with_transaction()
    def test_creation_iswc_unique(self):
        self.creation(iswc='T0345246801')
        with self.assertRaises(SQLConstraintError) as raised:
            self.creation(iswc='T-034.524.680-1')
        self.assertIn('Another creation has this ISWC already',
            raised.exception.message)

    @with_transaction()
    def test_creations_without_iswc(self):
        "Many creations have no ISWC"
        self.creation()
        self.creation(iswc='')
        self.assertEqual(
            Pool().get('creation').search_count([('iswc', '=', None)]), 2)

    @with_transaction()
    def test_creation_copy_leaves_iswc(self):
        Creation = Pool().get('creation')
        creation = self.creation(iswc='T0345246801', recordings=[('create', [
                        {'title': "Song", 'isrc': 'DE-A12-26-00001'}])])
        copy, = Creation.copy([creation])
        self.assertIsNone(copy.iswc)
        self.assertEqual([r.isrc for r in copy.recordings], [None])

    @with_transaction()
    def test_recording(self):
        Recording = Pool().get('creation.recording')
        creation = self.creation()
        recording, = Recording.create([{'creation': creation.id,
                    'title': "Song (Live)", 'isrc': 'de-a12-26-00001',
                    'duration': 215, 'performer': "The Band"}])
        self.assertEqual(recording.isrc, 'DEA122600001')
        self.assertEqual(creation.recordings, (recording,))
        with self.assertRaises(ValidationError) as raised:
            Recording.create([{'creation': creation.id, 'title': "Song",
                        'isrc': 'DE-A12-26-0001'}])
        self.assertIn('The ISRC "DE-A12-26-0001" is invalid',
            raised.exception.message)
        with self.assertRaises(SQLConstraintError):
            Recording.create([{'creation': creation.id, 'title': "Song",
                        'isrc': 'DEA122600001'}])

    @with_transaction()
    def test_portal_reaches_only_own_recordings(self):
        "As contributions: the recordings of the web user's own creations"
        pool = Pool()
        User = pool.get('res.user')
        WebUser = pool.get('web.user')
        Recording = pool.get('creation.recording')
        recordings = {}
        for email in ['anna@example.org', 'ben@example.org']:
            web_user, = WebUser.create([{'email': email}])
            artist = self.artist(name=email, web_user=web_user.id)
            Creation = pool.get('creation')
            creation, = Creation.create([{'title': "Song",
                        'artist': artist.id, 'web_user': web_user.id,
                        'recordings': [('create', [{'title': email}])]}])
            recordings[email] = (web_user, creation.recordings[0])
        anna, _ = recordings['anna@example.org']
        _, ben_recording = recordings['ben@example.org']
        portal, = User.search([('login', '=', 'portal')])
        with Transaction().set_user(portal.id), Transaction().set_context(
                web_user=anna.id, _check_access=True):
            self.assertEqual([r.title for r in Recording.search([])],
                ['anna@example.org'])
            with self.assertRaises(AccessError):
                Recording.read([ben_recording.id], ['title'])

    @with_transaction()
    def test_recording_duration_not_negative(self):
        Recording = Pool().get('creation.recording')
        with self.assertRaises(SQLConstraintError):
            Recording.create([{'creation': self.creation().id,
                        'title': "Song", 'duration': -1}])

    @with_transaction()
    def test_artist_identifiers(self):
        artist = self.artist(ipi_name_number='14107338',
            ipi_base_number='i0000002297', isni='0000 0001 2281 955x')
        self.assertEqual(artist.ipi_name_number, '00014107338')
        self.assertEqual(artist.ipi_base_number, 'I-000000229-7')
        self.assertEqual(artist.isni, '000000012281955X')

    @with_transaction()
    def test_artist_identifiers_invalid(self):
        Artist = Pool().get('artist')
        artist = self.artist()
        for field, value, message in [
                ('ipi_name_number', '00014107339',
                    ('The IPI name number "00014107339" is invalid: the '
                        'check digits should be 38.')),
                ('ipi_base_number', 'I-000000229-8',
                    ('The IPI base number "I-000000229-8" is invalid: the '
                        'check digit should be 7.')),
                ('isni', '0000 0001 2281 9551',
                    ('The ISNI "0000 0001 2281 9551" is invalid: the check '
                        'digit should be X.')),
                ]:
            with self.subTest(field=field):
                with self.assertRaises(ValidationError) as raised:
                    Artist.write([artist], {field: value})
                self.assertEqual(raised.exception.message, message)

    @with_transaction()
    def test_artist_ipi_name_number_unique(self):
        # pseudonyms of one person share the base number
        self.artist(name="Alias 1", ipi_base_number='I-000000229-7')
        self.artist(name="Alias 2", ipi_base_number='I-000000229-7')
        self.artist(ipi_name_number='00014107338')
        # (a constraint's error ends the transaction: last)
        with self.assertRaises(SQLConstraintError) as raised:
            self.artist(name="Other", ipi_name_number='14107338')
        self.assertIn('Another artist has this IPI name number already',
            raised.exception.message)

    @with_transaction()
    def test_artist_copy_leaves_unique_identifiers(self):
        artist = self.artist(ipi_name_number='00014107338',
            ipi_base_number='I-000000229-7')
        copy, = Pool().get('artist').copy([artist])
        self.assertIsNone(copy.ipi_name_number)
        self.assertEqual(copy.ipi_base_number, 'I-000000229-7')

    @with_transaction()
    def test_societies_loaded(self):
        Society = Pool().get('collecting_society.society')
        codes = {s.code: s.name for s in Society.search([])}
        for code, name in [('035', 'GEMA'), ('052', 'PRS'),
                ('058', 'SACEM'), ('010', 'ASCAP'), ('021', 'BMI'),
                ('079', 'STIM'), ('080', 'SUISA'), ('005', 'AKM')]:
            self.assertEqual(codes[code], name)
        gema, = Society.search([('rec_name', '=', 'GEMA')])
        self.assertEqual(gema.rec_name, 'GEMA (035)')
        artist = self.artist(performing_society=gema.id,
            mechanical_society=gema.id)
        self.assertEqual(artist.performing_society, gema)

    @with_transaction()
    def test_society_code_three_digits(self):
        Society = Pool().get('collecting_society.society')
        for code in ['35', 'GEM', '3 5']:
            with self.subTest(code=code), self.assertRaises(UserError):
                Society.create([{'code': code, 'name': "Society"}])

    @with_transaction()
    def test_society_code_unique(self):
        Society = Pool().get('collecting_society.society')
        with self.assertRaises(SQLConstraintError):
            Society.create([{'code': '035', 'name': "Another GEMA"}])
