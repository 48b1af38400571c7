"""Housekeeping of the portal's accounts, done by the cron and worker services.

- Scheduled (ir.cron, hourly): remove expired web sessions (portal logins and
  API tokens), expired password-reset tokens, and registrations never
  verified that own nothing, after [collecting_society] unverified_days.
- Queued (ir.queue, run by the worker): deactivating a web user ends all its
  sessions, so its API tokens and portal logins stop working. trytond's
  web_user would keep accepting them until they expire (30 days).
"""
import datetime

from sql import Null
from sql.conditionals import Coalesce
from sql.functions import CurrentTimestamp

from trytond import config
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .session import forget_credentials

CRON_METHOD = 'web.user|remove_expired'
UNVERIFIED_DAYS = 7


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            (CRON_METHOD, "Remove Expired Web Sessions, Tokens and Registrations"))


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'

    @classmethod
    def remove_expired(cls):
        """What the hourly scheduled action does."""
        remove_expired_sessions()
        remove_expired_api_tokens()
        clear_expired_reset_tokens()
        cls.delete(cls.unverified_and_unused())

    @classmethod
    def unverified_and_unused(cls):
        days = config.getint('collecting_society', 'unverified_days',
                             default=UNVERIFIED_DAYS)
        before = datetime.datetime.now() - datetime.timedelta(days=days)
        return cls.search([
                ('email_valid', '=', False),
                ('create_date', '<', before),
                ('artists', '=', None),
                ('creations', '=', None),
                ('releases', '=', None),
                ])

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        deactivated = []
        for users, values in zip(actions, actions):
            if values.get('active') is False:
                deactivated.extend(users)
        super().write(*args)
        if deactivated:
            # a task for the worker: the admin's save does not wait for it
            cls.__queue__.end_sessions(deactivated)

    @classmethod
    def end_sessions(cls, users):
        """The queued task: every session and API token of these web users ends."""
        pool = Pool()
        cursor = Transaction().connection.cursor()
        ids = [u.id for u in users if not u.active]
        if not ids:
            return
        session = pool.get('web.user.session').__table__()
        cursor.execute(*session.delete(where=session.user.in_(ids)))
        token = pool.get('web.user.api_token').__table__()
        cursor.execute(*token.delete(where=token.web_user.in_(ids)))
        forget_credentials()


def remove_expired_sessions():
    """As web_user does when a session is added, without waiting for one."""
    Session = Pool().get('web.user.session')
    table = Session.__table__()
    Transaction().connection.cursor().execute(*table.delete(
            where=Coalesce(table.write_date, table.create_date)
            < CurrentTimestamp() - Session.timeout()))


def remove_expired_api_tokens():
    ApiToken = Pool().get('web.user.api_token')
    table = ApiToken.__table__()
    Transaction().connection.cursor().execute(*table.delete(
            where=table.expires < CurrentTimestamp()))


def clear_expired_reset_tokens():
    WebUser = Pool().get('web.user')
    table = WebUser.__table__()
    Transaction().connection.cursor().execute(*table.update(
            [table.reset_password_token, table.reset_password_token_expire],
            [Null, Null],
            where=table.reset_password_token_expire < CurrentTimestamp()))
