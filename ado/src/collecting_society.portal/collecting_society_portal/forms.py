"""Reading and checking form input: every field stripped, every problem a
message next to its field instead of an error page."""
import datetime
import re

from .domain import Invalid

# the domain's key of a refused field in one row of a Rows field
ROW = re.compile(r'(\w+)\[(\d+)\]\.(\w+)')


def plausible_email(value):
    """name@domain.tld: one "@", no white space, a dot inside the domain.

    A plain sanity check (trytond validates further when email-validator is
    installed), written without a regular expression: the pattern it replaces
    backtracked quadratically on "a@....@", holding the interpreter lock and
    so every thread of the replica for seconds. This is linear."""
    local, at, domain = value.partition('@')
    return (bool(local) and '@' not in domain and '.' in domain[1:-1]
            and not any(character.isspace() for character in value))


class Form:
    """The submitted values of the named fields and the problems found in them."""

    def __init__(self, request, names):
        self.values = {n: request.POST.get(n, '').strip() for n in names}
        # PostgreSQL cannot store NUL characters: refuse them here, politely
        self.errors = {n: 'Please remove the invalid characters.'
                       for n, v in self.values.items() if '\x00' in v}

    def __getitem__(self, name):
        return self.values[name]

    def require(self, *names):
        for name in names:
            if not self.values[name]:
                self.errors[name] = 'Please fill in this field.'

    def max_length(self, name, length):
        if len(self.values[name]) > length:
            self.errors[name] = f'At most {length} characters, please.'

    def email(self, name):
        value = self.values[name]
        # a field already refused (too long) is not looked at again
        if value and name not in self.errors and not plausible_email(value):
            self.errors[name] = 'An email address like name@example.org, please.'

    def no_colon(self, name):
        # HTTP basic auth splits at the first colon: such an email could never log in
        if ':' in self.values[name]:
            self.errors[name] = 'An email address without ":", please.'

    def date(self, name):
        """The field as a date (None when empty), or an error message."""
        value = self.values[name]
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.errors[name] = 'A date like 2024-05-31, please.'

    def values_for(self, resource, creating=True):
        """The values to write, read with the resource's field table (the
        API's rules); None with a message per refused field."""
        if not self.ok:
            return None
        try:
            return resource.values(self.values, creating, form=True)
        except Invalid as error:
            self.refuse(error)
            return None

    def refuse(self, invalid):
        """The domain's messages next to the form's fields; a row's (of a
        one-row-per-line field, "rights[0].share") under its field, by line."""
        for name, text in invalid.errors.items():
            text = f'{text[0].upper()}{text[1:]}.'
            row = ROW.fullmatch(name)
            if row:
                name, line, field = row.group(1), int(row.group(2)) + 1, row.group(3)
                text = f'Line {line}, {field}: {text}'
                if self.errors.get(name):
                    text = f'{self.errors[name]} {text}'
            self.errors[name] = text

    @property
    def ok(self):
        return not self.errors
