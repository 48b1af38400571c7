"""Releases of the web user and their tracks: the web user's own creations,
each under a license, in the order given."""
from .fields import Code, Date, Ref, Rows, Text
from .resource import Resource, replace_rows

MAX_TRACKS = 500

TRACK = Resource('tracks', 'release.track', [
    Ref('creation', 'creation', by='title', required=True,
        help='The UUID of one of your creations (in the portal: its title).'),
    Code('license', 'license', help='A license code, e.g. CC-BY-4.0.'),
])

RELEASE = Resource('releases', 'release', [
    Text('title', required=True, limit=200),
    Date('date'),
    Text('label', limit=200),
    Rows('tracks', TRACK, MAX_TRACKS,
         help="The tracks in their order; given, they replace the release's tracks."),
], search=('title', 'label'))


def release_values(values, release=None):
    """The values to write: the tracks given, numbered in their order,
    replace the release's own."""
    for sequence, track in enumerate(values.get('tracks') or [], start=1):
        track['sequence'] = sequence
    return replace_rows(values, 'tracks', release)
