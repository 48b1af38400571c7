"""The identifiers' checks against their published examples.

The valid numbers are the standards' own examples where they publish one
(ISO 15707's T-034.524.680-1, ISNI's 0000 0001 2281 955X, the IPI name
number 00014107338 of CISAC's documents), and the numbers that
django-music-publisher's tests send to societies in CWR files.
"""
import unittest

from collecting_society import identifiers
from collecting_society.identifiers import InvalidIdentifier


class IdentifiersTestCase(unittest.TestCase):

    def assertInvalid(self, check, value, message):
        with self.assertRaises(InvalidIdentifier) as raised:
            check(value)
        self.assertEqual(str(raised.exception), message)

    def test_iswc_valid(self):
        for value, compact in [
                ('T-034.524.680-1', 'T0345246801'),
                ('T0345246801', 'T0345246801'),
                ('t 034 524 680 1', 'T0345246801'),
                ('T-123.456.789-4', 'T1234567894'),
                ('T-000.000.001-0', 'T0000000010'),
                ]:
            with self.subTest(value=value):
                self.assertEqual(identifiers.iswc(value), compact)

    def test_iswc_check_digit(self):
        self.assertInvalid(
            identifiers.iswc, 'T-034.524.680-2',
            'ISWC T-034.524.680-2: the check digit should be 1.')
        # every other wrong digit is caught too
        for digit in '023456789':
            with self.subTest(digit=digit):
                self.assertRaises(
                    InvalidIdentifier, identifiers.iswc, 'T034524680' + digit)

    def test_iswc_transposition(self):
        "Two neighbouring digits swapped are caught (weights differ by 1)"
        self.assertRaises(
            InvalidIdentifier, identifiers.iswc, 'T-304.524.680-1')

    def test_iswc_format(self):
        for value in ['', 'T-034.524.680', 'X0345246801', 'T03452468011',
                'T-O34.524.680-1', '0345246801']:
            with self.subTest(value=value):
                with self.assertRaises(InvalidIdentifier) as raised:
                    identifiers.iswc(value)
                self.assertIn('an ISWC is T and 10 digits',
                    str(raised.exception))

    def test_format_iswc(self):
        self.assertEqual(
            identifiers.format_iswc('T0345246801'), 'T-034.524.680-1')

    def test_ipi_name_number_valid(self):
        for value, number in [
                ('00014107338', '00014107338'),
                ('14107338', '00014107338'),
                ('000 141 073 38', '00014107338'),
                ('00000000297', '00000000297'),
                ('199', '00000000199'),
                ('395', '00000000395'),
                ]:
            with self.subTest(value=value):
                self.assertEqual(identifiers.ipi_name_number(value), number)

    def test_ipi_name_number_check_digits(self):
        self.assertInvalid(
            identifiers.ipi_name_number, '00014107339',
            'IPI name number 00014107339: the check digits should be 38.')
        # a dropped digit is not hidden by the zeros padded in front
        self.assertRaises(
            InvalidIdentifier, identifiers.ipi_name_number, '0001407338')
        # neighbours swapped
        self.assertRaises(
            InvalidIdentifier, identifiers.ipi_name_number, '00041107338')

    def test_ipi_name_number_format(self):
        for value in ['', '000141073380', 'I-000000229-7', '0001410733B']:
            with self.subTest(value=value):
                with self.assertRaises(InvalidIdentifier) as raised:
                    identifiers.ipi_name_number(value)
                self.assertIn('an IPI name number is 11 digits',
                    str(raised.exception))

    def test_ipi_base_number_valid(self):
        for value, number in [
                ('I-000000229-7', 'I-000000229-7'),
                ('i0000002297', 'I-000000229-7'),
                ('I-123456789-3', 'I-123456789-3'),
                ]:
            with self.subTest(value=value):
                self.assertEqual(identifiers.ipi_base_number(value), number)

    def test_ipi_base_number_check_digit(self):
        self.assertInvalid(
            identifiers.ipi_base_number, 'I-000000229-8',
            'IPI base number I-000000229-8: the check digit should be 7.')
        # the I counts 2, an ISWC's T counts 1: an ISWC's digits do not pass
        self.assertRaises(
            InvalidIdentifier, identifiers.ipi_base_number, 'I-034524680-1')

    def test_ipi_base_number_format(self):
        for value in ['', '0000002297', 'I-00000229-7', 'T-000000229-7']:
            with self.subTest(value=value):
                with self.assertRaises(InvalidIdentifier) as raised:
                    identifiers.ipi_base_number(value)
                self.assertIn('an IPI base number is I and 10 digits',
                    str(raised.exception))

    def test_isrc(self):
        for value, compact in [
                ('JM-K40-14-00001', 'JMK401400001'),
                ('us-s1z-99-00001', 'USS1Z9900001'),
                ('DE A12 26 00001', 'DEA122600001'),
                ]:
            with self.subTest(value=value):
                self.assertEqual(identifiers.isrc(value), compact)
        self.assertInvalid(
            identifiers.isrc, 'JM-K40-14-0001',
            'ISRC JM-K40-14-0001: an ISRC has 12 letters and digits, '
            'as DE-A12-26-00001.')
        self.assertInvalid(
            identifiers.isrc, 'JM-K40-1A-00001',
            'ISRC JM-K40-1A-00001: an ISRC is a country code, 3 letters or '
            'digits and 7 digits, as DE-A12-26-00001.')

    def test_isni(self):
        for value, compact in [
                ('0000 0001 2281 955X', '000000012281955X'),
                ('0000-0001-2281-955x', '000000012281955X'),
                ]:
            with self.subTest(value=value):
                self.assertEqual(identifiers.isni(value), compact)
        self.assertInvalid(
            identifiers.isni, '0000 0001 2281 9551',
            'ISNI 0000 0001 2281 9551: the check digit should be X.')
        self.assertInvalid(
            identifiers.isni, '0000 0001 2281 955',
            'ISNI 0000 0001 2281 955: an ISNI has 16 digits, the last may '
            'be X.')

    def test_message_one_short_sentence(self):
        "A pasted page is not echoed whole in the message"
        with self.assertRaises(InvalidIdentifier) as raised:
            identifiers.iswc('T' + '1' * 500)
        message = str(raised.exception)
        self.assertLess(len(message), 120)
        self.assertTrue(message.endswith('digits, as T-034.524.680-1.'))

    def test_is_a_value_error(self):
        "Callers that catch ValueError (forms, file readers) catch it too"
        self.assertTrue(issubclass(InvalidIdentifier, ValueError))
        self.assertRaises(ValueError, identifiers.isrc, 'nonsense')


if __name__ == '__main__':
    unittest.main()
