from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction


class CollectingSocietyTestCase(ModuleTestCase):
    "Test the collecting_society module"
    module = 'collecting_society'

    @with_transaction()
    def test_rule_context_web_user(self):
        "Record rules see only an integer web user"
        Rule = Pool().get('ir.rule')
        for value, expected in [
                (7, {'web_user': 7}),
                (None, {}),
                (True, {}),
                ('7', {}),
                ]:
            with self.subTest(value=value), \
                    Transaction().set_context(web_user=value):
                self.assertEqual(
                    Rule._get_context('artist')['context'], expected)

    @with_transaction()
    def test_rule_cache_key_web_user(self):
        "Each web user has their own cached rule domain"
        Rule = Pool().get('ir.rule')
        keys = set()
        for web_user in [1, 2]:
            with Transaction().set_context(web_user=web_user):
                keys.add(Rule._get_cache_key({'artist'}))
        self.assertEqual(len(keys), 2)

    @with_transaction()
    def test_license_uuid_stable(self):
        "The licenses' public ids are uuid5 of their URL"
        import uuid
        License = Pool().get('license')
        licenses = License.search([])
        self.assertEqual(len(licenses), 7)
        for license in licenses:
            self.assertEqual(
                license.uuid, str(uuid.uuid5(uuid.NAMESPACE_URL, license.url)))


del ModuleTestCase
