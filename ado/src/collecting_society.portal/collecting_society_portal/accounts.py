"""Web user accounts through trytond's web_user: registration with its
password hashing, login with its authenticate (failures budgeted per
account and address by collecting_society), sessions as web.user.session keys."""
from trytond.pool import Pool
from trytond.transaction import Transaction

from .access import as_root
from .errors import USER_ERRORS, message

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
# zxcvbn's scale is 0-4; 3 is "safely unguessable: moderate protection from
# offline slow-hash scenario"
MIN_STRENGTH = 3
# zxcvbn's matching grows fast with the length; a long password's strength
# shows in its first hundred characters
STRENGTH_PREFIX = 100


class AccountError(Exception):
    """Registration input trytond or we refuse; its text is for the user."""

    def __init__(self, text, field=None, conflict=False):
        super().__init__(text)
        self.field = field
        self.conflict = conflict


def password_problem(password, email):
    """Why the password is too weak (a sentence for the user), or None."""
    from zxcvbn import zxcvbn
    if len(password) < MIN_PASSWORD:
        return f'At least {MIN_PASSWORD} characters, please.'
    if len(password) > MAX_PASSWORD:
        return f'At most {MAX_PASSWORD} characters, please.'
    local = email.split('@')[0]
    if email and (password.lower() in email.lower() or email.lower() in password.lower()):
        return 'Your password must not be your email address.'
    result = zxcvbn(password[:STRENGTH_PREFIX], user_inputs=[email, local])
    if result['score'] >= MIN_STRENGTH:
        return None
    feedback = result['feedback']
    reasons = [feedback.get('warning') or 'This password is easy to guess.',
               *feedback.get('suggestions', [])]
    return ' '.join(r for r in reasons if r)


def check_password(password, confirmation, email=''):
    problem = password_problem(password, email)
    if problem:
        raise AccountError(problem, 'password')
    if password != confirmation:
        raise AccountError('The two passwords differ.', 'password_confirm')
    User = Pool().get('res.user')
    try:
        # trytond's own rules: length, entropy, forbidden list
        User.validate_password(password, [])
    except USER_ERRORS as error:
        raise AccountError(message(error), 'password') from error


# registrations and reset requests an address may make within the login
# window (collecting_society's login_budget keeps the count)
REQUESTS_PER_ADDRESS = 50


def _spend_request_budget(kind):
    """Count one registration or reset request of this address; Throttled
    when it has made too many."""
    from trytond.exceptions import RateLimitException
    Attempt = Pool().get('web.user.authenticate.attempt')
    try:
        Attempt.check_budget(f'{kind}:', budget=REQUESTS_PER_ADDRESS)
    except RateLimitException as error:
        raise Throttled(getattr(error, 'retry_after', 60)) from error
    Attempt.add(f'{kind}:')


def register(email, password, confirmation, portal_url):
    """Make the account and have its verification link mailed; when the
    email (or a look-alike of it) has an account, its owner is mailed
    instead. The caller hears the same, after the same work (the password
    hashed either way, the mail queued), so nobody learns who has an
    account (collecting_society's portal_accounts)."""
    WebUser = Pool().get('web.user')
    email = WebUser.normal_email(email)
    check_password(password, confirmation, email)
    password_hash = WebUser.hash_password(password)
    with as_root(), Transaction().set_context(portal_url=portal_url):
        _spend_request_budget('register')
        try:
            # its own transaction: a simultaneous registration of the same
            # address fails on the constraint without spoiling this one
            with Transaction().new_transaction():
                WebUser.register(email, password_hash)
        except USER_ERRORS:
            return


def verify(token):
    """Whether the token verified an email (once, before it expired)."""
    WebUser = Pool().get('web.user')
    if not token or len(token) > 200:
        return False
    with as_root():
        return bool(WebUser.validate_email_token([token]))


def request_reset(email, portal_url):
    """Have a reset link mailed when the email has an account; silent
    otherwise, and as quick (the mail is queued)."""
    WebUser = Pool().get('web.user')
    with as_root(), Transaction().set_context(portal_url=portal_url):
        _spend_request_budget('reset')
        WebUser.request_reset(email)


def reset_password(email, token, password, confirmation):
    """Set the new password with a reset link's token (once, unexpired)."""
    WebUser = Pool().get('web.user')
    check_password(password, confirmation, email or '')
    with as_root():
        if not WebUser.set_password_token(email or '', token or '', password):
            raise AccountError('This link has expired or was used already; ask for a new one.',
                               'password')


def new_session(web_user_id):
    """A fresh trytond web session key for the web user."""
    WebUser = Pool().get('web.user')
    with as_root():
        return WebUser(web_user_id).new_session()


def end_session(key):
    Session = Pool().get('web.user.session')
    with as_root():
        Session.remove(key)


def believed_credentials(email, password):
    """The web user whose basic credentials these were a moment ago, or None."""
    with as_root():
        return Pool().get('web.user').believed_credentials(email, password)


def believe_credentials(email, password, web_user_id):
    with as_root():
        Pool().get('web.user').believe_credentials(email, password, web_user_id)


class Unverified(Exception):
    """The password is right but the email is not verified yet."""

    def __init__(self):
        super().__init__('Please confirm your email first: click the link we mailed you.')


class Throttled(Exception):
    """Too many failed logins from this address (for this account, or for
    any); answered at once with 429 and Retry-After."""

    def __init__(self, retry_after):
        super().__init__(f'Too many failed logins; try again in {retry_after} seconds.')
        self.retry_after = retry_after


def authenticate(email, password):
    """The web user's id, or None. Runs in its own committed transaction so
    the count of failures survives the request's rollback; over the budgets
    of collecting_society's login_budget it raises Throttled."""
    from trytond.exceptions import RateLimitException
    WebUser = Pool().get('web.user')
    try:
        with as_root(), Transaction().new_transaction():
            user = WebUser.authenticate(email, password)
            if user and user.needs_new_validation_mail():
                # "log in to get a new link", as the expired link's page says
                WebUser.__queue__.validate_email([user])
            # read here: the record cannot be read once its transaction ended
            unverified = bool(user) and not user.email_valid
            user_id = user.id if user else None
    except RateLimitException as error:
        raise Throttled(getattr(error, 'retry_after', 60)) from error
    if unverified:
        raise Unverified()
    return user_id


def _token(record):
    return {'uuid': record.uuid, 'name': record.name,
            'created': record.create_date.isoformat(timespec='seconds'),
            'expires': record.expires.isoformat(timespec='seconds'),
            'last_used': record.last_used.isoformat(timespec='seconds')
            if record.last_used else None}


def new_token(web_user_id, name, days):
    """A named API token; (its key, shown once, and its description)."""
    Token = Pool().get('web.user.api_token')
    with as_root():
        key, record = Token.issue(web_user_id, name, days)
        return key, _token(record)


def tokens(web_user_id):
    Token = Pool().get('web.user.api_token')
    with as_root():
        return [_token(t) for t in Token.of(web_user_id)]


def revoke_token(web_user_id, uuid):
    """Whether the web user had this token (now revoked)."""
    Token = Pool().get('web.user.api_token')
    with as_root():
        found = Token.search([('web_user', '=', web_user_id), ('uuid', '=', uuid)])
        Token.delete(found)
        return bool(found)


def revoke_all_tokens(web_user_id):
    Token = Pool().get('web.user.api_token')
    with as_root():
        Token.delete(Token.of(web_user_id))


def token_owner(key):
    """(web user id, token uuid) of a valid API token, or None."""
    with as_root():
        return Pool().get('web.user.api_token').owner(key)


def _session(record, current_key):
    last_used = record.write_date or record.create_date
    return {'id': record.id, 'this_one': record.key == current_key,
            'started': record.create_date.isoformat(sep=' ', timespec='minutes'),
            'last_used': last_used.isoformat(sep=' ', timespec='minutes')}


def sessions(web_user_id, current_key):
    """The web user's portal sessions, newest first, the current one marked;
    their keys stay in the database."""
    Session = Pool().get('web.user.session')
    with as_root():
        found = Session.search([('user', '=', web_user_id)], order=[('create_date', 'DESC')])
        return [_session(s, current_key) for s in found]


def end_own_session(web_user_id, session_id):
    """Whether the web user had this session (now ended)."""
    Session = Pool().get('web.user.session')
    with as_root():
        found = Session.search([('user', '=', web_user_id), ('id', '=', session_id)])
        Session.delete(found)
        return bool(found)


def end_other_sessions(web_user_id, current_key):
    """Every session of the web user but the one of this browser."""
    Session = Pool().get('web.user.session')
    with as_root():
        Session.delete(Session.search([('user', '=', web_user_id),
                                       ('key', '!=', current_key)]))
