"""Collecting societies, by their CISAC society codes.

The codes are the CISAC's (the CWR files' society fields): reference data
loaded from society.xml and extended in the back office when needed.
"""
import re

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.model.exceptions import ValidationError


class Society(ModelSQL, ModelView):
    "A collecting society"
    __name__ = 'collecting_society.society'
    code = fields.Char(
        "Code", required=True, size=3,
        help="The CISAC society code: 3 digits, as 035 (GEMA).")
    name = fields.Char("Name", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(table, table.code),
                'collecting_society.msg_society_code_unique'),
            ]
        cls._order.insert(0, ('code', 'ASC'))

    def get_rec_name(self, name):
        return f'{self.name} ({self.code})'

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, operand, *extra = clause
        bool_op = 'AND' if operator.startswith(('!', 'not ')) else 'OR'
        return [bool_op,
            ('name', operator, operand, *extra),
            ('code', operator, operand, *extra),
            ]

    @classmethod
    def validate_fields(cls, societies, field_names):
        super().validate_fields(societies, field_names)
        if field_names and 'code' not in field_names:
            return
        for society in societies:
            # CWR writes codes with their zeros: '035', never '35'
            if not re.fullmatch(r'\d{3}', society.code or ''):
                raise ValidationError(gettext(
                        'collecting_society.msg_society_code',
                        code=society.code))
