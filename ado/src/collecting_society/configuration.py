"""The society's settings for collection and distribution."""
from decimal import Decimal

from trytond.model import ModelSingleton, ModelSQL, ModelView, fields


class Configuration(ModelSingleton, ModelSQL, ModelView):
    "Collecting Society Configuration"
    __name__ = 'collecting_society.configuration'
    fee_rate = fields.Numeric(
        "Administration Fee (%)", digits=(5, 2), required=True,
        help="The society's part of the collected money, in percent.")
    licence_product = fields.Many2One(
        'product.product', "Licence Product",
        domain=[('type', '=', 'service')],
        help="The service invoiced for a declaration: its accounts and "
        "taxes are those of the invoice line.")

    @classmethod
    def default_fee_rate(cls):
        return Decimal('10')
