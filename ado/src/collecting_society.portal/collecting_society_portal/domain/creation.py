"""Creations (works) of the web user's artists, and who holds their rights."""
from .fields import Choice, Date, Identifier, Percent, Ref, Rows, Text
from .resource import Resource, replace_rows

# the module's rights (collecting_society/right.py RIGHTS; a test keeps them equal)
RIGHTS = ('composition', 'lyrics', 'recording')
MAX_RIGHTS = 100

RIGHT = Resource('rights', 'creation.right', [
    Choice('right', RIGHTS, required=True),
    Ref('rights_holder', 'artist', by='name', required=True,
        help='The UUID of one of your artists (in the portal: its name).'),
    Percent('share', required=True, help="The holder's part of this right, in percent."),
])

CREATION = Resource('creations', 'creation', [
    Text('title', required=True, limit=200),
    Ref('artist', 'artist', required=True, help='The UUID of one of your artists.'),
    Identifier('iswc', 'iswc', 'T-034.524.680-1',
               help="The work's ISWC; answered in its stored form, T0345246801."),
    Date('date'),
    Text('lyrics', limit=100000),
    Text('notes', limit=10000),
    Rows('rights', RIGHT, MAX_RIGHTS,
         help="Who holds each right, in shares summing to 100 % per right; "
              "given, it replaces the creation's rights."),
], search=('title',))


def creation_values(values, creation=None):
    """The values to write: the rights given replace the creation's own
    (one write, so the module checks the sums once, on the end result)."""
    return replace_rows(values, 'rights', creation)
