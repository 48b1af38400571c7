"""Field types of the domain layer: each reads a value as it comes from a
form (text) or a JSON body (typed), checks it, and describes itself in
OpenAPI. A refusal is a FieldError whose text the user sees."""
import datetime
import decimal
import re

from . import rules


class FieldError(ValueError):
    """The value of one field is refused; the text says why."""


class Invalid(Exception):
    """Some fields are refused; args[0] maps field names to messages."""

    @property
    def errors(self):
        return self.args[0]


def clean_text(value):
    """A string PostgreSQL can store: no NUL, valid UTF-8 (no lone surrogates)."""
    if '\x00' in value:
        raise FieldError('must not contain NUL characters')
    try:
        value.encode('utf-8')
    except UnicodeEncodeError:
        raise FieldError('must be valid Unicode text') from None
    return value


class Field:
    """A field: its name, whether it must be given and not empty, and how
    a value that is absent, empty or null is written (None)."""
    kind = 'string'

    def __init__(self, name, required=False, limit=None, help=None):
        self.name = name
        self.required = required
        self.limit = limit
        self.help = help

    def read(self, raw, form=False):
        """The value to write, from a form's text (form=True) or JSON."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise FieldError('must not be empty')
            return self.empty()
        return self.parse(raw, form)

    def empty(self):
        return None

    def parse(self, raw, form):
        raise NotImplementedError

    def schema(self):
        """The OpenAPI schema of the field in a request body."""
        schema = {'type': self.kind, **self.extra_schema()}
        if self.help:
            schema['description'] = self.help
        return schema if self.required else {**schema, 'nullable': True}

    def extra_schema(self):
        return {}


class Text(Field):

    def parse(self, raw, form):
        if not isinstance(raw, str):
            raise FieldError('must be a string')
        value = clean_text(raw.strip())
        if self.limit and len(value) > self.limit:
            raise FieldError(f'at most {self.limit} characters')
        return value

    def extra_schema(self):
        schema = {'minLength': 1} if self.required else {}
        if self.limit:
            schema['maxLength'] = self.limit
        return schema


def _identifiers():
    # the Tryton module's checks, the same the back office and the CWR
    # reader use; imported when first needed, as trytond is
    from collecting_society import identifiers
    return identifiers


class Identifier(Field):
    """An industry identifier (ISWC, IPI name number, ISNI, ...), checked by
    its check digits with the function `check` of the module's
    identifiers.py; the value written is the identifier's stored form, and
    a refusal is the check's own sentence. `example` shows the written form."""

    def __init__(self, name, check, example, limit=40, **kwargs):
        super().__init__(name, limit=limit, **kwargs)
        self.check = check
        self.example = example

    def parse(self, raw, form):
        if not isinstance(raw, str):
            raise FieldError(f'must be a string, as {self.example}')
        value = clean_text(raw.strip())
        if len(value) > self.limit:
            raise FieldError(f'at most {self.limit} characters, as {self.example}')
        identifiers = _identifiers()
        try:
            return getattr(identifiers, self.check)(value)
        except identifiers.InvalidIdentifier as error:
            # the check's sentence, without its full stop, as every FieldError
            raise FieldError(f'{error.kind} {error.shown}: {error.problem}') from None

    def extra_schema(self):
        return {'maxLength': self.limit, 'example': self.example}


class Flag(Field):
    kind = 'boolean'

    def read(self, raw, form=False):
        if form:
            # a checkbox: sent when checked, absent otherwise
            return bool(raw)
        if raw is None:
            return False
        if not isinstance(raw, bool):
            raise FieldError('must be true or false')
        return raw

    def schema(self):
        return {'type': 'boolean'}


class Int(Field):
    kind = 'integer'

    def __init__(self, name, low, high, **kwargs):
        super().__init__(name, **kwargs)
        self.low, self.high = low, high

    def parse(self, raw, form):
        if form and isinstance(raw, str) and re.fullmatch(r'\s*\d{1,9}\s*', raw):
            raw = int(raw)
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise FieldError('must be a whole number')
        if not self.low <= raw <= self.high:
            raise FieldError(f'must be between {self.low} and {self.high}')
        return raw

    def extra_schema(self):
        return {'minimum': self.low, 'maximum': self.high}


ISO_DATE = re.compile(r'\d{4}-\d{2}-\d{2}')


class Date(Field):
    """A calendar date written YYYY-MM-DD, the only form both sides accept;
    with `within`, a function giving the first and last date allowed today."""

    def __init__(self, name, required=False, within=None, help=None):
        super().__init__(name, required=required, help=help)
        self.within = within

    def parse(self, raw, form):
        if not isinstance(raw, str) or not ISO_DATE.fullmatch(raw.strip()):
            raise FieldError('must be a date like 2024-05-31')
        try:
            value = datetime.date.fromisoformat(raw.strip())
        except ValueError:
            raise FieldError('must be a date like 2024-05-31') from None
        if self.within:
            first, last = self.within()
            if not first <= value <= last:
                raise FieldError(f'must be between {first} and {last}')
        return value

    def extra_schema(self):
        return {'format': 'date'}


class Ref(Field):
    """One of the web user's own records of `model`, named by its UUID; the
    value written is its id. With `by` (a field, e.g. "name"), a form may
    give that field's value instead, if exactly one of the web user's own
    records has it (artists' names are unique per web user)."""

    def __init__(self, name, model, by=None, **kwargs):
        super().__init__(name, **kwargs)
        self.model = model
        self.by = by

    def parse(self, raw, form):
        if not isinstance(raw, str):
            raise FieldError('must be a UUID')
        # searched for by name too: no text PostgreSQL refuses
        raw = clean_text(raw)
        record = rules.find_by_uuid(self.model, raw.strip())
        if record is None and form and self.by:
            found = rules.model(self.model).search([(self.by, '=', raw.strip())], limit=2)
            record = found[0] if len(found) == 1 else None
        if record is None:
            raise FieldError(f'must be one of your {self.model}s')
        return record.id

    def extra_schema(self):
        return {'format': 'uuid'}


class Code(Field):
    """A record of `model` named by its code (e.g. a tariff category's
    "live"); the value written is its id."""

    def __init__(self, name, model, **kwargs):
        super().__init__(name, **kwargs)
        self.model = model

    def parse(self, raw, form):
        if not isinstance(raw, str) or len(raw) > 50:
            raise FieldError(f'must be the code of a {self.model.replace(".", " ")}')
        found = rules.model(self.model).search([('code', '=', clean_text(raw).strip())],
                                               limit=1)
        if not found:
            raise FieldError(f'must be the code of a {self.model.replace(".", " ")}')
        return found[0].id


class Choice(Field):
    """One of a fixed list of keys (e.g. a right: "composition")."""

    def __init__(self, name, choices, **kwargs):
        super().__init__(name, **kwargs)
        self.choices = list(choices)

    def parse(self, raw, form):
        value = raw.strip().lower() if isinstance(raw, str) else None
        if value not in self.choices:
            raise FieldError(f'must be one of: {", ".join(self.choices)}')
        return value

    def extra_schema(self):
        return {'enum': self.choices}


class Percent(Field):
    """A share in percent: more than 0, at most 100, to 4 decimal places; a
    number in JSON (or its text), text in a form. Read as a Decimal, never a
    float, so shares sum exactly."""
    kind = 'number'
    PLACES = 4

    def parse(self, raw, form):
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise FieldError('must be a number of percent, like 33.3333')
        try:
            value = decimal.Decimal(str(raw).strip().rstrip('%').strip())
        except decimal.InvalidOperation:
            raise FieldError('must be a number of percent, like 33.3333') from None
        if not value.is_finite() or not 0 < value <= 100:
            raise FieldError('must be more than 0 and at most 100')
        if value != value.quantize(decimal.Decimal(1).scaleb(-self.PLACES)):
            raise FieldError(f'at most {self.PLACES} decimal places')
        return value

    def extra_schema(self):
        return {'minimum': 0.0001, 'maximum': 100, 'multipleOf': 0.0001}


class Rows(Field):
    """A list of sub-records, each checked against `resource`'s fields. In a
    form, one row per line, its fields separated by ";" in the resource's
    order (e.g. "Pulse; Alice; 2"). Errors are keyed "name[i].field"."""
    kind = 'array'

    def __init__(self, name, resource, limit, **kwargs):
        super().__init__(name, limit=limit, **kwargs)
        self.resource = resource

    def read(self, raw, form=False):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required and not form:
                raise FieldError('must not be empty')
            return []
        return self.parse(raw, form)

    def parse(self, raw, form):
        rows = self.form_rows(raw) if form else raw
        if not isinstance(rows, list) or len(rows) > self.limit:
            raise FieldError(f'must be a list of at most {self.limit} rows')
        values, errors = [], {}
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                errors[f'{self.name}[{index}]'] = 'must be an object'
                continue
            try:
                values.append(self.resource.values(row, creating=True, form=form))
            except Invalid as invalid:
                errors.update({f'{self.name}[{index}].{field}': message
                               for field, message in invalid.errors.items()})
        if errors:
            raise Invalid(errors)
        return values

    def form_rows(self, text):
        if not isinstance(text, str):
            raise FieldError('must be text, one row per line')
        names = list(self.resource.fields)
        return [dict(zip(names, (part.strip() for part in line.split(';'))))
                for line in text.splitlines() if line.strip()]

    def schema(self):
        return {'type': 'array', 'maxItems': self.limit,
                'items': self.resource.input_schema(creating=True)}
