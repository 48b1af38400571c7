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

    @classmethod
    def default_uuid(cls):
        return str(uuid.uuid4())

    @classmethod
    def copy(cls, records, default=None):
        # a copy is a new record, so it needs its own public id
        default = dict(default or {})
        default['uuid'] = lambda data: str(uuid.uuid4())
        return super().copy(records, default=default)
