"""In development trytond (--dev) sends the traceback of an unexpected error
back to the caller, which helps a developer in the Tryton client but tells
anyone on port 8000 the server's code paths (issue 10, item 11). The
traceback stays for callers signed in with a Tryton session; anonymous
callers get the error's message alone. trytond logs it either way."""
from trytond.wsgi import app


def signed_in(request):
    """A valid Tryton session; basic auth counts as anonymous here, because
    checking it would be one more login attempt."""
    try:
        return bool(request.session and request.user_id)
    except Exception:
        return False


@app.error_handler
def hide_traceback_from_anonymous(app, request, error):
    if not signed_in(request):
        error.__format_traceback__ = ''
