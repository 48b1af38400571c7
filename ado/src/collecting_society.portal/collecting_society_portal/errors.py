"""Turning trytond's errors into messages a user can act on."""
from trytond.exceptions import UserError, UserWarning


def message(error):
    """The user-facing text of a trytond UserError/UserWarning."""
    if isinstance(error, (UserError, UserWarning)):
        text = error.message
        if getattr(error, 'description', None):
            text = f'{text} {error.description}'
        return text
    return str(error)


USER_ERRORS = (UserError, UserWarning)
