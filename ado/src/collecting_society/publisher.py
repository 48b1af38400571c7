"""Publishers: rights holders that are music publishers, paid their share.

A publisher is an artist record marked `publisher`. Like a writer it is an
interested party of CWR, with an IPI name number and its societies; it holds
shares of a creation's rights, the distribution pays it as any rights holder
(one table of rights holders keeps the distribution one SQL statement over
creation_right), and its web user sees its own statement lines.
"""
from trytond.model import fields
from trytond.pool import PoolMeta


class Artist(metaclass=PoolMeta):
    __name__ = 'artist'
    publisher = fields.Boolean(
        "Publisher", help="Check if this rights holder is a music "
        "publisher, not a writer or performer.")

    @classmethod
    def default_publisher(cls):
        return False
