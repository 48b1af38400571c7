"""Reading and checking form input: every field stripped, every problem a
message next to its field instead of an error page."""
import datetime
import re

# a plain sanity check; trytond validates further when email-validator is installed
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


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
        if value and not EMAIL.fullmatch(value):
            self.errors[name] = 'An email address like name@example.org, please.'

    def date(self, name):
        """The field as a date (None when empty), or an error message."""
        value = self.values[name]
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.errors[name] = 'A date like 2024-05-31, please.'

    @property
    def ok(self):
        return not self.errors
