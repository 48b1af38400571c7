"""Failed logins budgeted per (account, address) and per address, and over
budget refused at once.

trytond counts failures per account from any address (so anyone could lock
any account, `admin` too) and sleeps up to 2**count seconds in the server
thread after each attempt (so a few failures stall every other request).
Here an attacker at one address spends only that address's budgets: alice,
at hers, still logs in. The address is the transaction's `_request`
remote_addr, which the servers take from the proxy alone.
"""
import datetime

from sql.aggregate import Count, Min
from trytond.config import config
from trytond.exceptions import RateLimitException
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction


class LoginThrottled(RateLimitException):
    """Too many failed logins; retry_after is when the oldest one expires."""

    def __init__(self, retry_after):
        super().__init__(f'too many failed logins; retry after {retry_after} s')
        self.retry_after = retry_after


def window():
    return datetime.timedelta(
        seconds=config.getint('session', 'attempt_window', default=900))


def per_account_and_address():
    return config.getint('session', 'max_attempt', default=5)


def per_address():
    return config.getint('session', 'max_attempt_ip_network', default=300)


class AttemptBudgetMixin:
    __slots__ = ()

    @classmethod
    def count(cls, login, device_cookie=None):
        # trytond's own check (any address) and its sleep of 2**count
        # seconds both read this; check_budget replaces them
        return 0

    @classmethod
    def count_ip(cls):
        return 0

    @classmethod
    def check_budget(cls, login, budget=None):
        """Raise LoginThrottled when this address, or this account from this
        address, has failed too often within the window (`budget` instead
        of max_attempt for the account's share)."""
        _, network = Transaction().remote_address()
        if network is None:
            # no request (trusted in-process code): no address to budget
            return
        address, _ = Transaction().remote_address()
        table = cls.__table__()
        since = datetime.datetime.now() - window()
        recent = (table.create_date >= since) & (table.ip_network == str(network))
        cls._refuse_over(table, recent, per_address())
        cls._refuse_over(
            table, recent & (table.login == login[:cls.login.size])
            & (table.ip_address == str(address)), budget or per_account_and_address())

    @classmethod
    def _refuse_over(cls, table, where, budget):
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(Count(table.id), Min(table.create_date), where=where))
        count, oldest = cursor.fetchone()
        if count >= budget:
            expires = oldest + window() - datetime.datetime.now()
            raise LoginThrottled(max(1, int(expires.total_seconds()) + 1))


class LoginAttempt(AttemptBudgetMixin, metaclass=PoolMeta):
    __name__ = 'res.user.login.attempt'


class WebUserAttempt(AttemptBudgetMixin, metaclass=PoolMeta):
    __name__ = 'web.user.authenticate.attempt'


class User(metaclass=PoolMeta):
    """Tryton's users (admin on :8000) under the same budgets."""
    __name__ = 'res.user'

    @classmethod
    def get_login(cls, login, parameters):
        Pool().get('res.user.login.attempt').check_budget(login)
        return super().get_login(login, parameters)
