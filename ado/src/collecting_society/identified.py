"""Records with identifiers (ISWC, ISRC, IPI, ISNI): stored in one form,
refused when invalid.

A model names its identifier fields in `_identifiers` (field name: a check
of identifiers.py). Every create and write passes each given value through
its check, so whatever saves through Tryton (the back office, the portal,
the API, an import) stores the same form and is refused with the same
sentence. An empty value is stored as NULL: a unique identifier may then be
missing on many records.
"""
from trytond.i18n import gettext
from trytond.model.exceptions import ValidationError

from .identifiers import InvalidIdentifier


class IdentifiedMixin:
    __slots__ = ()
    _identifiers = {}

    @classmethod
    def checked_identifiers(cls, values):
        "The values with each identifier in its stored form, or NULL"
        values = dict(values)
        for name, check in cls._identifiers.items():
            value = values.get(name)
            if value is None:
                continue
            if not value.strip():
                values[name] = None
                continue
            try:
                values[name] = check(value)
            except InvalidIdentifier as error:
                raise ValidationError(gettext(
                        'collecting_society.msg_identifier_invalid',
                        identifier=error.kind, value=error.shown,
                        problem=error.problem)) from error
        return values

    @classmethod
    def create(cls, vlist):
        return super().create([cls.checked_identifiers(v) for v in vlist])

    @classmethod
    def write(cls, *args):
        args = list(args)
        for index in range(1, len(args), 2):
            args[index] = cls.checked_identifiers(args[index])
        super().write(*args)
