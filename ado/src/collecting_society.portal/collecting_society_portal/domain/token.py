"""API tokens as a web user asks for them (portal form or POST /v1/token)."""
from .fields import Int, Text
from .resource import Resource

TOKEN = Resource('tokens', 'web.user.api_token', [
    Text('name', limit=100, help='What the token is for, to recognise it in the list.'),
    Int('days', low=1, high=365, help='Days until it expires (default 30).'),
])
