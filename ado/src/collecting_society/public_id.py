"""The public identifier of records the portal and the API show.

Database ids leak how many records exist and are guessable; a random UUID
is neither, so the API and the portal's URLs use it instead.
"""
import uuid

from trytond.model import Unique, fields


class PublicIdMixin:
    __slots__ = ()
    uuid = fields.Char(
        "UUID", required=True, readonly=True, strip=False,
        help="The public identifier used by the portal and the API.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('uuid_unique', Unique(table, table.uuid),
                'collecting_society.msg_uuid_unique'),
            ]

    # No default_uuid: the client shows a default in the new record's form but
    # does not send a read-only field on save, so the server made another one
    # and the UUID a user copied from the form never existed. The field stays
    # empty until the record is saved, and create() gives it its UUID.
    @classmethod
    def create(cls, vlist):
        vlist = [dict(values) for values in vlist]
        for values in vlist:
            if not values.get('uuid'):
                values['uuid'] = str(uuid.uuid4())
        return super().create(vlist)

    @classmethod
    def copy(cls, records, default=None):
        # a copy is a new record, so it needs its own public id
        default = dict(default or {})
        default['uuid'] = None
        return super().copy(records, default=default)
