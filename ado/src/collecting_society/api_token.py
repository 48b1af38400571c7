"""API tokens of web users: named, listed with their last use, revocable one
by one or all at once, and expiring. Only a hash of each token is kept.

They are not web.user.session keys: a portal login's session key is never
usable as an API token, and a token never logs in to the portal.
"""
import datetime
import hashlib
import secrets
from collections import namedtuple

from sql import Literal
from trytond.cache import Cache
from trytond.model import ModelSQL, Unique, fields
from trytond.pool import Pool
from trytond.transaction import Transaction

from .public_id import PublicIdMixin
from .session import CHECKED_AGAIN, forget_credentials

PREFIX = 'ado_'
DEFAULT_DAYS = 30
MAX_DAYS = 365
# a token's last use is written at most this often (reads stay reads)
LAST_USE_PRECISION = datetime.timedelta(minutes=1)

# a valid token as the owner cache keeps it
Owner = namedtuple('Owner', 'id web_user uuid expires last_used')


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
    _owner_cache = Cache('web.user.api_token.owner', context=False, duration=CHECKED_AGAIN)

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
    def owner(cls, key):
        """(web user id, token uuid) of the valid token of this key, or None
        (unknown, expired, or its web user deactivated); notes its use.

        Read once per process and kept until a token or a web user changes
        (session.forget_credentials), as portal session keys are: an API
        request asks the database nothing to know who asks, except to note
        the token's use once a minute."""
        if not key or not key.startswith(PREFIX) or len(key) > 100:
            return None
        key_hash = digest(key)
        now = datetime.datetime.now()
        found = cls._owner_cache.get(key_hash)
        if not found or found.expires <= now:
            found = cls._read_owner(key_hash)
            if found is None or found.expires <= now:
                return None
            cls._owner_cache.set(key_hash, found)
        if not found.last_used or found.last_used < now - LAST_USE_PRECISION:
            # its own transaction: a GET's transaction is read-only
            with Transaction().new_transaction():
                cls.write([cls(found.id)], {'last_used': now})
            cls._owner_cache.set(key_hash, found._replace(last_used=now))
        return found.web_user, found.uuid

    @classmethod
    def _read_owner(cls, key_hash):
        """The Owner of the token of this hash, if its web user is active."""
        token = cls.__table__()
        user = Pool().get('web.user').__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*token.join(user, condition=token.web_user == user.id).select(
            token.id, token.web_user, token.uuid, token.expires, token.last_used,
            where=(token.key_hash == key_hash) & (user.active == Literal(True)),
            limit=1))
        row = cursor.fetchone()
        return Owner(*row) if row else None

    @classmethod
    def write(cls, *args):
        super().write(*args)
        actions = iter(args)
        if any(set(values) - {'last_used'} for _, values in zip(actions, actions)):
            # noting a use changes nothing about whom a token stands for
            forget_credentials()

    @classmethod
    def delete(cls, tokens):
        super().delete(tokens)
        forget_credentials()

    @classmethod
    def of(cls, web_user):
        return cls.search([('web_user', '=', web_user)])
