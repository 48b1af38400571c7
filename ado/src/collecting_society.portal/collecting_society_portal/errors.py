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


def status(error):
    """The HTTP status that fits a trytond error: access refused is 403, a
    broken uniqueness rule 409, any other refusal of the input 422."""
    from trytond.exceptions import UserError
    from trytond.model.exceptions import AccessError, SQLConstraintError
    if isinstance(error, AccessError):
        return 403
    if isinstance(error, SQLConstraintError):
        return 409
    if isinstance(error, UserError):
        return 422
    return 500


def log_failure(log, request):
    """Log a failed request; a conflict is retried by the transaction tween,
    so it is no error (yet)."""
    from trytond import backend
    if isinstance(request.exception, backend.DatabaseOperationalError):
        log.info('%s %s: conflict: %s', request.method, request.path, request.exception)
    else:
        log.error('%s %s failed', request.method, request.path, exc_info=request.exc_info)
