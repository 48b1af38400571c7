from trytond.tests.test_tryton import ModuleTestCase


class CollectingSocietyTestCase(ModuleTestCase):
    "Test the collecting_society module"
    module = 'collecting_society'


del ModuleTestCase
