"""The web user of the portal: owns artists and creations; one account per
email skeleton (no look-alikes); verification and reset links that expire
and point at the portal (the context's `portal_url`)."""
import datetime

from sql import Null
from trytond.config import config
from trytond.model import Unique, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .email_address import normal_email, skeleton


def _portal_link(path, url):
    if url is not None:
        return url
    base = Transaction().context.get('portal_url')
    return f'{base.rstrip("/")}{path}' if base else None


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'
    artists = fields.One2Many('artist', 'web_user', "Artists")
    creations = fields.One2Many('creation', 'web_user', "Creations")
    releases = fields.One2Many('release', 'web_user', "Releases")
    email_skeleton = fields.Char(
        "Email Skeleton", readonly=True,
        help="The email with look-alike characters replaced: one account each.")
    email_token_expire = fields.Timestamp("Email Token Expire", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        cls._sql_constraints += [
            ('email_skeleton_unique', Unique(table, table.email_skeleton),
                'collecting_society.msg_email_lookalike'),
            ]

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        # accounts made before skeletons existed get theirs
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(
                table.id, table.email,
                where=(table.email_skeleton == Null) & (table.email != Null)))
        for id_, email in cursor.fetchall():
            cursor.execute(*table.update(
                    [table.email_skeleton], [skeleton(email)], where=table.id == id_))

    @classmethod
    def normal_email(cls, email):
        return normal_email(email)

    @classmethod
    def email_skeleton_of(cls, email):
        return skeleton(email)

    @classmethod
    def preprocess_values(cls, mode, values):
        if values.get('email'):
            values = {**values, 'email': normal_email(values['email'])}
        values = super().preprocess_values(mode, values)
        if values.get('email'):
            values['email_skeleton'] = skeleton(values['email'])
        return values

    @classmethod
    def authenticate(cls, email, password):
        # the budgets of login_budget, before trytond's (any address) own
        email = normal_email(email)
        Pool().get('web.user.authenticate.attempt').check_budget(email)
        return super().authenticate(email, password)

    def set_email_token(self, nbytes=None):
        super().set_email_token(nbytes)
        self.email_token_expire = datetime.datetime.now() + datetime.timedelta(
            seconds=config.getint('session', 'web_timeout_reset', default=24 * 60 * 60))

    @classmethod
    def validate_email_token(cls, tokens):
        # a link works once (trytond clears the token) and only until it expires
        now = datetime.datetime.now()
        users = cls.search([
                ('email_token', 'in', tokens),
                ('email_token_expire', '>', now),
                ])
        cls.write(users, {'email_valid': True, 'email_token': None,
                          'email_token_expire': None})
        return users

    def get_email_validation_url(self, url=None):
        return super().get_email_validation_url(_portal_link('/verify', url))

    def get_email_reset_password_url(self, url=None):
        return super().get_email_reset_password_url(_portal_link('/reset/confirm', url))
