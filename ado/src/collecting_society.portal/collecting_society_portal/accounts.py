"""Web user accounts through trytond's web_user: registration with its
password hashing, login with its authenticate (which slows failures per
account and address), sessions as web.user.session keys."""
from trytond.pool import Pool
from trytond.transaction import Transaction

from .access import as_root
from .errors import USER_ERRORS, message

MIN_PASSWORD = 8


class AccountError(Exception):
    """Registration input trytond or we refuse; its text is for the user."""

    def __init__(self, text, field=None, conflict=False):
        super().__init__(text)
        self.field = field
        self.conflict = conflict


def check_password(password, confirmation):
    if len(password) < MIN_PASSWORD:
        raise AccountError(f'At least {MIN_PASSWORD} characters, please.', 'password')
    if password != confirmation:
        raise AccountError('The two passwords differ.', 'password_confirm')
    User = Pool().get('res.user')
    try:
        # trytond's own rules: length, entropy, forbidden list
        User.validate_password(password, [])
    except USER_ERRORS as error:
        raise AccountError(message(error), 'password') from error


def register(email, password, confirmation):
    """Create the web user and return its id."""
    WebUser = Pool().get('web.user')
    check_password(password, confirmation)
    with as_root():
        if WebUser.search([('email', '=', email.lower())], limit=1):
            raise AccountError('This email is registered already; log in instead.',
                               'email', conflict=True)
        try:
            user, = WebUser.create([{'email': email, 'password': password}])
        except USER_ERRORS as error:
            raise AccountError(message(error), 'email') from error
    return user.id


def new_session(web_user_id):
    """A fresh trytond web session key for the web user."""
    WebUser = Pool().get('web.user')
    with as_root():
        return WebUser(web_user_id).new_session()


def end_session(key):
    Session = Pool().get('web.user.session')
    with as_root():
        Session.remove(key)


def authenticate(email, password):
    """The web user's id, or None. Runs in its own committed transaction so
    trytond's count of failures survives the request's rollback; trytond
    raises RateLimitException after too many."""
    WebUser = Pool().get('web.user')
    with as_root(), Transaction().new_transaction():
        user = WebUser.authenticate(email, password)
        return user.id if user else None
