"""Registration and password reset of the portal's web users, with their
mails made and sent by the worker.

Sent in the request, a mail showed in the answer's time who has an account
(registration took 51-105 ms for a known address, 273-413 ms for a new one;
a reset request 56-129 ms against 12-24 ms): issue 26, item 5. Here a
request does the same small work either way (the caller hashes the password
in both cases) and queues the mail.

An address someone else registered first (with his password, never
verified) stayed locked for its owner: a reset led to "confirm your email
first" with no mail (item 6). The reset link reaches the address's owner
alone, so a reset that succeeds confirms the address; a login with the
right password to an account whose link expired mails a new one.
"""
import datetime
from email.message import EmailMessage

from trytond.config import config
from trytond.pool import PoolMeta
from trytond.sendmail import send_message_transactional
from trytond.transaction import Transaction


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'

    @classmethod
    def register(cls, email, password_hash):
        """Make the account of `email` and queue its verification mail; when
        the address (or a look-alike of it) has an account, queue a mail to
        its owner instead. The caller hears the same either way."""
        existing = cls.search(
            [('email_skeleton', '=', cls.email_skeleton_of(email))], limit=1)
        if existing:
            cls.__queue__.mail_already_registered(existing)
            return
        user, = cls.create([{'email': email, 'password_hash': password_hash}])
        cls.__queue__.validate_email([user])

    @classmethod
    def request_reset(cls, email):
        """Queue the reset mail when the email has an account."""
        users = cls.search([('email', '=', cls.normal_email(email))], limit=1)
        if users:
            cls.__queue__.reset_password(users)

    @classmethod
    def mail_already_registered(cls, users):
        """Tell the owners of these addresses that someone tried to register
        them (run by the worker)."""
        base = (Transaction().context.get('portal_url') or '').rstrip('/')
        for user in users:
            message = EmailMessage()
            message['From'] = config.get('email', 'from')
            message['To'] = user.email
            message['Subject'] = 'Your account at the collecting society'
            message.set_content(
                'Someone (maybe you) tried to register an account with this email '
                'address,\nwhich has one already. If it was you, log in, or set a new '
                f'password at\n{base}/reset\n\n'
                'If it was not you, you need not do anything.\n')
            send_message_transactional(message)

    @classmethod
    def set_password_token(cls, email, token, password):
        # the link came by mail to the address: its owner is here
        done = super().set_password_token(email, token, password)
        if done:
            users = cls.search([('email', '=', email.lower())])
            cls.write(users, {'email_valid': True})
        return done

    def needs_new_validation_mail(self):
        """Unverified, and its link expired. (One not made yet is still in
        the worker's queue: a second would replace the first's token.)"""
        return (not self.email_valid and bool(self.email_token_expire)
                and self.email_token_expire <= datetime.datetime.now())
