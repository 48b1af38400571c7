"""The Tryton client's "reset password" (common.db.reset_password on :8000)
under the login budget, with its mail queued.

trytond slept up to a second in a server thread before every reset (so its
time would not tell whether the login exists) and mailed a temporary
password on every call, to anyone asking, outside any budget: 100
anonymous clients stalled every other call for seconds (issue 26, item 4).
Here a reset spends the caller's login budget (login_budget: per account
and address, and per address) and is refused with 429 at once over it; the
temporary password is made and mailed by the worker, so the answer takes
the same short time whether or not the login exists, and sleeps nowhere.

served_databases installs it in trytond's dispatcher, in the servers only.
"""
import datetime
from http import HTTPStatus

from werkzeug.exceptions import abort

from trytond.exceptions import RateLimitException
from trytond.pool import Pool
from trytond.protocols import dispatcher
from trytond.transaction import Transaction


def reset_password(request, database_name, user, language=None):
    context = {'language': language, '_request': request.context}
    try:
        with Transaction().start(database_name, 0, context=context):
            queue_reset(str(user))
    except RateLimitException:
        abort(HTTPStatus.TOO_MANY_REQUESTS)


def queue_reset(login):
    """Spend a login attempt, then queue the reset of the login's user unless
    one is still valid (trytond's own rule: one mail per reset period)."""
    pool = Pool()
    Attempt = pool.get('res.user.login.attempt')
    User = pool.get('res.user')
    Attempt.check_budget(login)
    Attempt.add(login)
    now = datetime.datetime.now()
    users = [user for user in User.search([('login', '=', login)])
             if not (user.password_reset and user.password_reset_expire > now)]
    if users:
        User.__queue__.reset_password(users)


def install():
    # the dispatcher looks the function up by this name on every call
    dispatcher.reset_password = reset_password
