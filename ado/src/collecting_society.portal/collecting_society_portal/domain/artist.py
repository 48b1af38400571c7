"""Artists: solo artists and groups of the web user."""
from .fields import Flag, Identifier, Text
from .resource import Resource

ARTIST = Resource('artists', 'artist', [
    Text('name', required=True, limit=200),
    Flag('group', help='Whether the artist is a group of artists.'),
    Text('description', limit=10000),
    Identifier('ipi_name_number', 'ipi_name_number', '00014107338',
               help="The artist's IPI name number: 11 digits, the last two a check."),
    Identifier('isni', 'isni', '0000 0001 2281 955X',
               help="The artist's ISNI: 16 characters, the last a check."),
], search=('name',))
