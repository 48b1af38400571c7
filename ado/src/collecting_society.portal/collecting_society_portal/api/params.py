"""Query parameters and JSON bodies of the API, checked before trytond sees
them: a bad value is a 400 (query) or 422 (body) with a message, never a 500."""
import datetime
import json
import uuid as uuidlib

from pyramid.httpexceptions import HTTPBadRequest, HTTPNotFound

MAX_LIMIT = 100
DEFAULT_LIMIT = 20


class Invalid(Exception):
    """A request body the API cannot accept (422); args[0] maps fields to messages."""


def clean_text(value):
    """A string PostgreSQL can store: no NUL, valid UTF-8."""
    if '\x00' in value:
        raise ValueError('must not contain NUL characters')
    try:
        value.encode('utf-8')
    except UnicodeEncodeError as error:
        raise ValueError('must be valid Unicode text') from error
    return value


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
    except ValueError as error:
        raise HTTPBadRequest(f'q {error}') from None
    return limit, offset, q


def uuid(request):
    """The {uuid} of the URL; anything that is not a UUID names nothing."""
    raw = request.matchdict['uuid']
    try:
        return str(uuidlib.UUID(raw))
    except ValueError:
        raise HTTPNotFound(f'no such resource: {raw!r} is not a UUID') from None


def body(request):
    """The JSON object of the request body (400 when it is not one)."""
    if request.content_type != 'application/json':
        raise HTTPBadRequest('send a JSON object with Content-Type: application/json')
    try:
        data = json.loads(request.body or b'null')
    except (ValueError, UnicodeDecodeError):
        raise HTTPBadRequest('the body is not valid JSON') from None
    if not isinstance(data, dict):
        raise HTTPBadRequest('the body must be a JSON object')
    return data


class Fields:
    """Checks the fields of a body against what the resource accepts."""

    def __init__(self, data, allowed, required=()):
        self.data = data
        self.errors = {}
        for name in sorted(set(data) - set(allowed)):
            self.errors[name] = 'unknown field'
        for name in required:
            if name not in data:
                self.errors[name] = 'required'

    def text(self, name, max_length=None, nullable=True, required=False):
        if name not in self.data:
            return
        value = self.data[name]
        if value is None and nullable and not required:
            return None
        if not isinstance(value, str):
            self.errors[name] = 'must be a string'
            return
        try:
            value = clean_text(value.strip())
        except ValueError as error:
            self.errors[name] = str(error)
            return
        if required and not value:
            self.errors[name] = 'must not be empty'
        elif max_length and len(value) > max_length:
            self.errors[name] = f'at most {max_length} characters'
        return value if value else None

    def boolean(self, name):
        value = self.data.get(name)
        if name in self.data and not isinstance(value, bool):
            self.errors[name] = 'must be true or false'
        return value

    def date(self, name):
        value = self.text(name, 10)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.errors[name] = 'must be a date like 2024-05-31'

    def check(self):
        if self.errors:
            raise Invalid(self.errors)
