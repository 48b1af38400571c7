"""Artists: solo artists and groups of the web user."""
from .fields import Flag, Text
from .resource import Resource

ARTIST = Resource('artists', 'artist', [
    Text('name', required=True, limit=200),
    Flag('group', help='Whether the artist is a group of artists.'),
    Text('description', limit=10000),
], search=('name',))
