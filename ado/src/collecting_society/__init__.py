"""Tryton module of a collecting society.

Tryton 8.0 registers a module's classes from the [register] section of its
tryton.cfg, so there is no register() function here (8.0 deprecates it).
"""

# in development, no traceback for anonymous Tryton callers (see the module)
from . import tracebacks  # noqa: F401
# links in the text part of mails are never wrapped (see the module)
from . import mail_text  # noqa: F401
