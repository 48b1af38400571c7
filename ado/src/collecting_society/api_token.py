"""API tokens of web users: named, listed with their last use, revocable one
by one or all at once, and expiring. Only a hash of each token is kept.

They are not web.user.session keys: a portal login's session key is never
usable as an API token, and a token never logs in to the portal.
"""
import datetime
import hashlib
import secrets

from trytond.model import ModelSQL, Unique, fields
from trytond.transaction import Transaction

from .public_id import PublicIdMixin

PREFIX = 'ado_'
DEFAULT_DAYS = 30
MAX_DAYS = 365
# a token's last use is written at most this often (reads stay reads)
LAST_USE_PRECISION = datetime.timedelta(minutes=1)


def digest(key):
    # a token is 256 random bits: a fast hash cannot be reversed
    return hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()


class ApiToken(PublicIdMixin, ModelSQL):
    "An API token of a web user"
    __name__ = 'web.user.api_token'
    web_user = fields.Many2One(
        'web.user', "Web User", required=True, ondelete='CASCADE')
    name = fields.Char("Name", required=True)
    key_hash = fields.Char("Key Hash", required=True, readonly=True, strip=False)
    expires = fields.DateTime("Expires", required=True)
    last_used = fields.DateTime("Last Used", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('key_hash_unique', Unique(table, table.key_hash),
                'collecting_society.msg_api_token_unique'),
            ]
        cls._order.insert(0, ('create_date', 'DESC'))

    @classmethod
    def issue(cls, web_user, name, days=DEFAULT_DAYS):
        """A new token; its key (shown once) and the record."""
        days = max(1, min(int(days), MAX_DAYS))
        key = PREFIX + secrets.token_urlsafe(32)
        token, = cls.create([{
            'web_user': web_user, 'name': name, 'key_hash': digest(key),
            'expires': datetime.datetime.now() + datetime.timedelta(days=days)}])
        return key, token

    @classmethod
    def find(cls, key):
        """The valid token of this key, or None; notes its use."""
        if not key or not key.startswith(PREFIX) or len(key) > 100:
            return None
        now = datetime.datetime.now()
        found = cls.search([('key_hash', '=', digest(key)), ('expires', '>', now)], limit=1)
        if not found:
            return None
        token, = found
        if not token.last_used or token.last_used < now - LAST_USE_PRECISION:
            # its own transaction: a GET's transaction is read-only
            with Transaction().new_transaction():
                cls.write([cls(token.id)], {'last_used': now})
        return token

    @classmethod
    def of(cls, web_user):
        return cls.search([('web_user', '=', web_user)])
