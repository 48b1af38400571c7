"""The society's settings for collection and distribution, and who it is
in the industry's files."""
import re
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError

from .cwr.ack import DEMO_CODE, DEMO_NAME


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
    society_code = fields.Char(
        "CISAC Society Code", size=3, required=True,
        help="The society's code in CISAC's list, 3 digits: the sender of "
        "its ACK files.")
    society_name = fields.Char(
        "Society Name", required=True,
        help="The society's name in the files it sends.")

    @classmethod
    def default_fee_rate(cls):
        return Decimal('10')

    @classmethod
    def default_society_code(cls):
        return DEMO_CODE

    @classmethod
    def default_society_name(cls):
        return DEMO_NAME

    @classmethod
    def validate_fields(cls, configurations, field_names):
        super().validate_fields(configurations, field_names)
        for configuration in configurations:
            # the sender ID of every ACK: CWR writes 3 digits, as 035
            if not re.fullmatch(r'\d{3}', configuration.society_code or ''):
                raise ValidationError(gettext(
                        'collecting_society.msg_society_code',
                        code=configuration.society_code))
