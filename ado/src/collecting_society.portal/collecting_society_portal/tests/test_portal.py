"""The portal as a user meets it: register, log in and out, artists and
creations, each web user seeing only their own, and clear errors."""
import re

import pytest
from trytond import config as trytond_config
from webtest import TestApp

from .conftest import PASSWORD, new_email, register


def login(browser, email, password=PASSWORD, status=302):
    form = browser.get('/login').forms['login-form']
    form['email'] = email
    form['password'] = password
    return form.submit(status=status)


def add_artist(browser, name, group=False):
    form = browser.get('/artists/add').forms['artist-form']
    form['name'] = name
    form['group'] = group
    page = form.submit(status=302).follow()
    return page.request.path.rsplit('/', 1)[-1], page


def add_creation(browser, title, artist_uuid, date=''):
    form = browser.get('/creations/add').forms['creation-form']
    form['title'] = title
    form['artist'] = artist_uuid
    form['date'] = date
    page = form.submit(status=302).follow()
    return page.request.path.rsplit('/', 1)[-1], page


def test_home(portal):
    page = portal.get('/', status=200)
    assert 'Log in' in page.text and 'Register' in page.text


def test_register_verify_then_dashboard(portal):
    email = register(portal)
    page = portal.get('/dashboard', status=200)
    assert email in page.text


@pytest.mark.parametrize('password, confirm, message', [
    ('short', 'short', 'At least 8 characters'),
    (PASSWORD, PASSWORD + 'x', 'The two passwords differ'),
])
def test_register_bad_password(portal, password, confirm, message):
    form = portal.get('/register').forms['register-form']
    form['email'], form['password'], form['password_confirm'] = new_email(), password, confirm
    page = form.submit(status=400)
    assert message in page.text


def test_register_twice(portal, portal_app):
    email = register(portal)
    form = TestApp(portal_app).get('/register').forms['register-form']
    form['email'], form['password'], form['password_confirm'] = email, PASSWORD, PASSWORD
    # the same answer as for a new email: nobody learns who has an account
    assert 'Check your mail' in form.submit(status=200).text


def test_register_bad_email(portal):
    form = portal.get('/register').forms['register-form']
    form['email'], form['password'], form['password_confirm'] = 'not-an-email', PASSWORD, PASSWORD
    page = form.submit(status=400)
    assert 'An email address like name@example.org' in page.text


def test_login_logout(portal, portal_app):
    email = register(TestApp(portal_app))
    response = login(portal, email)
    cookie = response.headers['Set-Cookie']
    assert 'HttpOnly' in cookie and 'SameSite=Lax' in cookie
    assert email in response.follow().text
    old_cookies = dict(portal.cookies)
    portal.get('/dashboard').forms['logout-form'].submit(status=302)
    assert portal.get('/dashboard', status=302).headers['Location'].startswith('/login')
    # the old cookie is worthless: log out ended the session on the server
    stale = TestApp(portal_app)
    for name, value in old_cookies.items():
        stale.set_cookie(name, value)
    stale.get('/dashboard', status=302)


def test_login_wrong_password(portal, portal_app):
    email = register(TestApp(portal_app))
    page = login(portal, email, 'wrong-password', status=400)
    assert 'Wrong email or password.' in page.text
    login(portal, 'nobody-' + email, status=400)


@pytest.fixture
def max_attempt():
    """trytond's limit of failed logins per account, lowered for the test."""
    saved = trytond_config.get('session', 'max_attempt')
    trytond_config.set('session', 'max_attempt', '1')
    yield 1
    if saved is None:
        trytond_config._config.remove_option('session', 'max_attempt')
        trytond_config._cache_clear()
    else:
        trytond_config.set('session', 'max_attempt', saved)


def test_failed_logins_are_limited_per_account_and_address(portal_app, max_attempt):
    # over budget an immediate 429 for that address; the owner, at another
    # address, still logs in (an attacker cannot lock the account)
    email = register(TestApp(portal_app))
    attacker = TestApp(portal_app, extra_environ={'REMOTE_ADDR': '192.0.2.66'})
    login(attacker, email, 'wrong-1', status=400)
    page = login(attacker, email, PASSWORD, status=429)
    assert 'Too many failed attempts' in page.text
    owner = TestApp(portal_app, extra_environ={'REMOTE_ADDR': '192.0.2.7'})
    login(owner, email, PASSWORD, status=302)


def test_csrf_required(portal, portal_app):
    email = register(TestApp(portal_app))
    page = portal.post('/login', {'email': email, 'password': PASSWORD}, status=400)
    assert 'Form expired' in page.text


def test_pages_need_login(portal):
    for path in ('/dashboard', '/artists', '/creations', '/artists/add', '/creations/add'):
        response = portal.get(path, status=302)
        assert response.headers['Location'].startswith('/login?next=')


def test_login_returns_to_next(portal, portal_app):
    email = register(TestApp(portal_app))
    form = portal.get('/artists', status=302).follow().forms['login-form']
    form['email'], form['password'] = email, PASSWORD
    assert form.submit(status=302).headers['Location'] == '/artists'


def test_artist_lifecycle(member):
    uuid, page = add_artist(member, 'The Testers', group=True)
    assert 'Added the artist The Testers.' in page.text and 'A group' in page.text
    assert 'The Testers' in member.get('/artists').text
    form = member.get(f'/artists/{uuid}/edit').forms['artist-form']
    form['name'] = 'The Renamed Testers'
    assert 'The Renamed Testers' in form.submit(status=302).follow().text
    member.get(f'/artists/{uuid}/delete').forms['delete-form'].submit(status=302)
    assert f'/artists/{uuid}"' not in member.get('/artists').text
    member.get(f'/artists/{uuid}', status=404)


def test_artist_needs_name(member):
    form = member.get('/artists/add').forms['artist-form']
    assert 'Must not be empty.' in form.submit(status=400).text


def test_creation_lifecycle(member):
    artist, _ = add_artist(member, 'Solo Tester')
    uuid, page = add_creation(member, 'Test Song', artist, '2024-05-31')
    assert 'Test Song' in page.text and 'Solo Tester' in page.text
    listing = member.get('/creations').text
    assert f'/creations/{uuid}"' in listing and '2024-05-31' in listing
    form = member.get(f'/creations/{uuid}/edit').forms['creation-form']
    form['lyrics'] = 'la la la'
    assert 'la la la' in form.submit(status=302).follow().text
    # an artist with creations is not deleted behind the user's back
    page = member.get(f'/artists/{artist}/delete').forms['delete-form'].submit(status=409)
    assert 'Delete or move its creations first.' in page.text
    member.get(f'/creations/{uuid}/delete').forms['delete-form'].submit(status=302)
    assert f'/creations/{uuid}"' not in member.get('/creations').text


def test_creation_bad_input(member):
    artist, _ = add_artist(member, 'Date Tester')
    form = member.get('/creations/add').forms['creation-form']
    form['title'], form['artist'], form['date'] = 'Bad Date', artist, '31.05.2024'
    assert 'Must be a date like 2024-05-31.' in form.submit(status=400).text


def test_creation_needs_an_artist_first(member):
    assert 'add an artist' in member.get('/creations/add').text


def test_web_users_see_only_their_own(member, portal_app):
    artist, _ = add_artist(member, 'Private Artist')
    creation, _ = add_creation(member, 'Private Song', artist)
    other = TestApp(portal_app)
    register(other)
    assert 'Private Artist' not in other.get('/artists').text
    assert 'Private Song' not in other.get('/creations').text
    other.get(f'/artists/{artist}', status=404)
    other.get(f'/creations/{creation}/edit', status=404)
    other.get(f'/artists/{artist}/delete', status=404)
    # nor can they attach a creation to someone else's artist
    add_artist(other, 'Other Artist')
    form = other.get('/creations/add').forms['creation-form']
    form['title'] = 'Stolen'
    form.fields['artist'][0].force_value(artist)
    assert 'Must be one of your artists.' in form.submit(status=400).text


def test_not_found_page(portal):
    page = portal.get('/no/such/page', status=404)
    assert 'There is nothing here' in page.text


def test_html_is_escaped(member):
    _, page = add_artist(member, '<script>alert(1)</script>')
    assert '<script>alert(1)</script>' not in page.text
    assert re.search(r'&lt;script&gt;alert\(1\)&lt;/script&gt;', page.text)


def test_artist_name_once_per_web_user(member, portal_app):
    add_artist(member, 'Only Once')
    form = member.get('/artists/add').forms['artist-form']
    form['name'] = 'Only Once'
    assert 'You have an artist of this name already.' in form.submit(status=400).text
    # another web user may use the name
    other = TestApp(portal_app)
    register(other)
    add_artist(other, 'Only Once')


def test_session_cookie_not_resent_on_every_page(member):
    member.get('/dashboard')  # shows and pops the welcome message
    assert 'Set-Cookie' not in member.get('/creations').headers


def test_nul_characters_are_refused(portal):
    form = portal.get('/login').forms['login-form']
    form['email'], form['password'] = 'a\x00@example.org', 'x'
    assert 'Please remove the invalid characters.' in form.submit(status=400).text
