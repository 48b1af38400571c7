"""A publisher's registration of a creation (CWR NWR/REV): who submitted it
under which work number, and whether its claims conflicted with the rights
already held (the money of a conflict waits until staff resolve it)."""
from trytond.model import ModelSQL, ModelView, Unique, fields


class Registration(ModelSQL, ModelView):
    "A registration of a creation by a submitter (CWR)"
    __name__ = 'creation.registration'
    creation = fields.Many2One(
        'creation', "Creation", required=True, ondelete='CASCADE')
    submitter = fields.Char("Submitter", required=True,
        help="The submitter's sender code or IPI name number.")
    submitter_name = fields.Char("Submitter Name")
    work_number = fields.Char("Work Number", required=True,
        help="The submitter's own number of the work.")
    conflict = fields.Boolean("Conflict",
        help="The claims exceed 100 % of a right already held.")
    claims = fields.Text("Claims")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('submitter_work_number_unique',
                Unique(table, table.submitter, table.work_number),
                'collecting_society.msg_registration_unique'),
            ]
