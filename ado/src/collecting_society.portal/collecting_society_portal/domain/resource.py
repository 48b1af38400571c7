"""A resource of the domain layer: its Tryton model and its table of fields."""
from .fields import FieldError, Invalid


class Resource:
    """`fields` in the order the forms show them; `search` the fields the
    lists search with q."""

    def __init__(self, name, model, fields, search=()):
        self.name = name
        self.model = model
        self.fields = {field.name: field for field in fields}
        self.search = search

    def values(self, data, creating, form=False):
        """The values to write from a form or a JSON object: on creation
        every field (absent ones empty), on change only those given. Raises
        Invalid with a message per refused field."""
        errors, values = {}, {}
        for name in sorted(set(data) - set(self.fields)):
            if not form:
                errors[name] = 'unknown field'
        for name, field in self.fields.items():
            if name not in data and not (creating or form):
                continue
            if name not in data and field.required:
                errors[name] = 'required'
                continue
            try:
                values[name] = field.read(data.get(name), form=form)
            except FieldError as error:
                errors[name] = str(error)
            except Invalid as invalid:
                # a field of sub-records (Rows) names each refused one
                errors.update(invalid.errors)
        if errors:
            raise Invalid(errors)
        return values

    def input_schema(self, creating):
        """The OpenAPI schema of a body that creates (or changes) one."""
        schema = {'type': 'object', 'additionalProperties': False,
                  'properties': {name: field.schema() for name, field in self.fields.items()}}
        required = [name for name, field in self.fields.items() if field.required]
        if creating and required:
            schema['required'] = required
        return schema


def replace_rows(values, name, record=None):
    """The values to write, where the rows given for the One2Many `name`
    replace the record's own (in one write); without them, it is untouched."""
    if name not in values:
        return values
    replace = [('delete', [row.id for row in getattr(record, name)])] if record else []
    if values[name]:
        replace.append(('create', values[name]))
    return {**values, name: replace}
