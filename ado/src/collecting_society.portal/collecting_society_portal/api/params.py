"""Query parameters and JSON bodies of the API, checked before trytond sees
them: a bad value is a 400 (query) or 422 (body, see domain/) with a
message, never a 500."""
import json

from pyramid.httpexceptions import HTTPBadRequest, HTTPRequestEntityTooLarge

from ..domain.fields import FieldError, clean_text

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
# as nginx's client_max_body_size: the largest body has a few text fields
MAX_BODY = 1024 * 1024


def _int_param(request, name, default, low, high):
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HTTPBadRequest(f'{name} must be an integer') from None
    if not low <= value <= high:
        raise HTTPBadRequest(f'{name} must be between {low} and {high}')
    return value


def paging(request):
    """(limit, offset, q) of a list request."""
    limit = _int_param(request, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = _int_param(request, 'offset', 0, 0, 2**31 - 1)
    q = request.GET.get('q', '').strip()
    try:
        q = clean_text(q)
    except FieldError as error:
        raise HTTPBadRequest(f'q {error}') from None
    return limit, offset, q


def body(request):
    """The JSON object of the request body (400 when it is not one)."""
    if request.content_type != 'application/json':
        raise HTTPBadRequest('send a JSON object with Content-Type: application/json')
    if (request.content_length or 0) > MAX_BODY:
        raise HTTPRequestEntityTooLarge(f'at most {MAX_BODY} bytes, please')
    try:
        data = json.loads(request.body or b'null')
    except (ValueError, UnicodeDecodeError):
        raise HTTPBadRequest('the body is not valid JSON') from None
    except RecursionError:
        # `[` x 100000: deeper than any body the API takes
        raise HTTPBadRequest('the body is nested too deeply') from None
    if not isinstance(data, dict):
        raise HTTPBadRequest('the body must be a JSON object')
    return data
