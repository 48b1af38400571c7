"""Functional tests of the portal and the API: the real app, in-process, on a
real Tryton database (DB_NAME) with the module collecting_society activated.
Each test registers its own web users, so the tests need no demo data and
leave the demo users alone."""
import base64
import os
import uuid

import pytest
from webtest import TestApp

from collecting_society_portal import main


def pytest_configure(config):
    if not os.environ.get('DB_NAME'):
        raise pytest.UsageError(
            'DB_NAME must name a Tryton database with collecting_society activated '
            '(ado-do run-tests sets it)')


def settings(mode):
    return {
        'ado.mode': mode,
        'tryton.config': os.environ.get('TRYTOND_CONFIG', '/ado/etc/trytond.conf'),
        'session.secret': 'test-secret',
        'proxy.hosts': '127.0.0.1',
    }


@pytest.fixture(scope='session')
def portal_app():
    return main({}, **settings('portal'))


@pytest.fixture(scope='session')
def api_app():
    return main({}, **settings('api'))


@pytest.fixture
def portal(portal_app):
    """A browser: its own cookie jar."""
    return TestApp(portal_app)


@pytest.fixture
def api(api_app):
    return TestApp(api_app)


def new_email():
    return f'test-{uuid.uuid4().hex[:12]}@example.org'


PASSWORD = 'Correct-Horse-7'


def register(browser, email=None, password=PASSWORD):
    email = email or new_email()
    form = browser.get('/register').forms['register-form']
    form['email'] = email
    form['password'] = password
    form['password_confirm'] = password
    response = form.submit()
    assert response.status_int == 200 and 'Check your mail' in response.text, response.text
    verify(email)
    login = browser.get('/login').forms['login-form']
    login['email'] = email
    login['password'] = password
    assert login.submit().status_int == 302
    return email


def verify(email):
    """What the link in the verification mail does (the mail itself is the
    stack's tests' business: tests/test_security.py)."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    with Transaction().start(os.environ['DB_NAME'], 0) as transaction:
        WebUser = Pool().get('web.user')
        WebUser.write(WebUser.search([('email', '=', email)]), {'email_valid': True})
        transaction.commit()


@pytest.fixture
def member(portal):
    """A browser logged in as a freshly registered web user."""
    portal.email = register(portal)
    return portal


def basic(email, password=PASSWORD):
    token = base64.b64encode(f'{email}:{password}'.encode()).decode()
    return {'Authorization': f'Basic {token}'}


@pytest.fixture
def api_user(portal_app, api):
    """(email, headers with a bearer token) of a freshly registered web user."""
    email = register(TestApp(portal_app))
    token = api.post('/v1/token', headers=basic(email), status=201).json['token']
    return email, {'Authorization': f'Bearer {token}'}
