"""Licenses under which creations are released (Creative Commons in the data)."""
from trytond.model import ModelSQL, ModelView, Unique, fields

from .public_id import PublicIdMixin


class License(PublicIdMixin, ModelSQL, ModelView):
    __name__ = 'license'
    name = fields.Char("Name", required=True, translate=True)
    code = fields.Char(
        "Code", required=True, help="The SPDX identifier, e.g. CC-BY-4.0.")
    version = fields.Char("Version")
    url = fields.Char("URL")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(table, table.code),
                'collecting_society.msg_license_code_unique'),
            ]
        cls._order.insert(0, ('code', 'ASC'))

    def get_rec_name(self, name):
        return f'{self.name} ({self.code})'

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, operand, *extra = clause
        bool_op = 'AND' if operator.startswith('!') or operator.startswith(
            'not ') else 'OR'
        return [bool_op,
            ('name', operator, operand, *extra),
            ('code', operator, operand, *extra),
            ]
