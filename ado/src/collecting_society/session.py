"""Which web user a portal login's session key stands for: read once per
process and kept until a session or a web user changes, so a logged-in page
asks the database nothing to know who asks.

The cache is one of trytond's: with [cache] clean_timeout = 0 a logout, an
ended session or a deactivated web user committed by any process clears it
in every process at once (PostgreSQL NOTIFY), as trytond's own access-right
caches are cleared. Only valid keys are kept, with the time their session
expires, so an unknown key always asks the database."""
import datetime
import hashlib
import hmac
import secrets
from collections import namedtuple

from sql import Literal
from sql.conditionals import Coalesce

from trytond.cache import Cache
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

CHECKED_AGAIN = datetime.timedelta(minutes=5)
# HTTP basic credentials found right are believed this long without hashing
# the password again (a hash on every API call: 8 clients on one account made
# 6.6 requests/s and slowed every other caller)
BASIC_BELIEVED = datetime.timedelta(minutes=1)
# the cache's keys are HMACs under a secret of this process alone, so they
# say nothing of the passwords, here or in a memory dump of another process
_BASIC_KEY = secrets.token_bytes(32)

# a valid session key as the cache keeps it
KeyOwner = namedtuple('KeyOwner', 'web_user expires')


class UserSession(metaclass=PoolMeta):
    __name__ = 'web.user.session'
    # kept at most 5 minutes: a change made around trytond (SQL in psql)
    # is seen by then, as before [cache] clean_timeout = 0
    _web_user_cache = Cache('web.user.session.web_user', context=False, duration=CHECKED_AGAIN)

    @classmethod
    def web_user_of(cls, key):
        """The id of the web user of this session key, or None when the key
        is unknown, expired, or its web user deactivated: the same test as
        web_user's get_user (the session's last change within [session]
        web_timeout), in one query where it makes three, and none when the
        key is cached. The cron service removes expired sessions."""
        if not key:
            return None
        now = datetime.datetime.now()
        cached = cls._web_user_cache.get(key)
        if cached and now < cached.expires:
            return cached.web_user
        found = cls._read_web_user(key)
        if found is None or found.expires <= now:
            return None
        cls._web_user_cache.set(key, found)
        return found.web_user

    @classmethod
    def _read_web_user(cls, key):
        """The KeyOwner of a key of an active web user."""
        session = cls.__table__()
        user = Pool().get('web.user').__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*session.join(user, condition=session.user == user.id).select(
            session.user, Coalesce(session.write_date, session.create_date),
            where=(session.key == key) & (user.active == Literal(True))))
        row = cursor.fetchone()
        return KeyOwner(row[0], row[1] + cls.timeout()) if row else None

    @classmethod
    def write(cls, *args):
        super().write(*args)
        forget_credentials()

    @classmethod
    def delete(cls, sessions):
        super().delete(sessions)
        forget_credentials()


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'
    _basic_cache = Cache('web.user.basic_credentials', context=False,
                         duration=BASIC_BELIEVED)

    @classmethod
    def believed_credentials(cls, email, password):
        """The web user of these basic credentials if they were found right
        within the last minute and nothing changed since, else None."""
        return cls._basic_cache.get(_basic_key(email, password))

    @classmethod
    def believe_credentials(cls, email, password, web_user):
        cls._basic_cache.set(_basic_key(email, password), web_user)

    @classmethod
    def write(cls, *args):
        # deactivating ends every session and token at once
        super().write(*args)
        forget_credentials()

    @classmethod
    def delete(cls, users):
        super().delete(users)
        forget_credentials()

    @classmethod
    def set_password(cls, users, name, value):
        """A new password (a reset, a change) ends every portal session and
        API token of the user: whoever knew the old one, or made a session
        or a token with it, is out. A rehash at login writes the hash alone
        and ends nothing."""
        super().set_password(users, name, value)
        # web_user's form placeholder for "unchanged" (its get_password)
        if value and value != 'x' * 10:
            end_sessions_and_tokens(users)


def end_sessions_and_tokens(users):
    pool = Pool()
    Session = pool.get('web.user.session')
    ApiToken = pool.get('web.user.api_token')
    ids = [user.id for user in users]
    with without_check_access():
        Session.delete(Session.search([('user', 'in', ids)]))
        ApiToken.delete(ApiToken.search([('web_user', 'in', ids)]))


def _basic_key(email, password):
    return hmac.new(_BASIC_KEY, f'{email}\x00{password}'.encode(), hashlib.sha256).hexdigest()


def forget_credentials():
    """Sessions or web users changed: every process checks keys, tokens and
    basic credentials against the database again."""
    pool = Pool()
    pool.get('web.user')._basic_cache.clear()
    pool.get('web.user.session')._web_user_cache.clear()
    pool.get('web.user.api_token')._owner_cache.clear()
