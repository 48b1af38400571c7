"""Issue 26, item 3: a password reset left the attacker in (his portal
session and his API token still answered 200). A new password ends every
session and token of the web user; the portal lists a user's sessions and
ends them, one by one or all but the current one."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

import inbox

from conftest import API, API_HOST, PASSWORD, PORTAL, basic, csrf, portal_login, register

pytestmark = pytest.mark.usefixtures('stack')

NEW_PASSWORD = 'quartz-Meadow-lantern-93'


def logged_in(email, password=PASSWORD):
    session = requests.Session()
    assert portal_login(email, password, session=session).status_code == 302
    return session


def sees_own_pages(session):
    reply = session.get(PORTAL + '/creations', allow_redirects=False, timeout=30)
    assert reply.status_code in (200, 302), reply.text
    return reply.status_code == 200


def api_token(email):
    reply = requests.post(API + '/v1/token', headers={**API_HOST, **basic(email, PASSWORD)},
                          timeout=30)
    assert reply.status_code == 201, reply.text
    return reply.json()['token']


def token_works(token):
    reply = requests.get(API + '/v1/artists', timeout=30,
                         headers={**API_HOST, 'Authorization': f'Bearer {token}'})
    assert reply.status_code in (200, 401), reply.text
    return reply.status_code == 200


def basic_works(email, password):
    reply = requests.get(API + '/v1/artists', headers={**API_HOST, **basic(email, password)},
                         timeout=30)
    assert reply.status_code in (200, 401), reply.text
    return reply.status_code == 200


def reset_password(email, password):
    """The victim's reset: the form, the mail's link, the new password."""
    session = requests.Session()
    session.post(PORTAL + '/reset', data={'csrf_token': csrf(session, '/reset'), 'email': email},
                 timeout=30)
    query = parse_qs(urlsplit(inbox.link_to(email, '/reset/confirm')).query)
    reply = session.post(PORTAL + '/reset/confirm', timeout=30, data={
        'csrf_token': csrf(session, '/reset'), 'email': query['email'][0],
        'token': query['token'][0], 'password': password, 'password_confirm': password})
    assert reply.status_code == 200 and 'Every session and API token' in reply.text, reply.text


def test_a_reset_ends_every_session_and_token():
    victim = register()
    # the attacker knew the password: a portal session and an API token
    attacker_session, attacker_token = logged_in(victim), api_token(victim)
    assert sees_own_pages(attacker_session) and token_works(attacker_token)
    # basic credentials are believed for a minute once found right
    assert basic_works(victim, PASSWORD) and basic_works(victim, PASSWORD)
    reset_password(victim, NEW_PASSWORD)
    assert not sees_own_pages(attacker_session)
    assert not token_works(attacker_token)
    assert not basic_works(victim, PASSWORD)
    # the victim logs in with the new password, and only with it
    assert sees_own_pages(logged_in(victim, NEW_PASSWORD))
    assert portal_login(victim, PASSWORD).status_code != 302


def session_ids(session):
    """The ids of the sessions the sessions page offers to end."""
    page = session.get(PORTAL + '/sessions', timeout=30)
    assert page.status_code == 200, page.text
    return re.findall(r'/sessions/(\d+)/end', page.text), page.text


def end(session, session_id):
    return session.post(f'{PORTAL}/sessions/{session_id}/end', allow_redirects=False,
                        timeout=30, data={'csrf_token': csrf(session, '/sessions')})


def test_the_portal_lists_sessions_and_ends_one(alice):
    here, elsewhere = logged_in(alice), logged_in(alice)
    ids, page = session_ids(here)
    # the others can be ended, one by one; this browser's is marked, not offered
    assert ids and 'this browser' in page, page
    assert sees_own_pages(elsewhere)
    for session_id in ids:
        assert end(here, session_id).status_code == 302
    assert not sees_own_pages(elsewhere)
    assert sees_own_pages(here)


def test_the_portal_ends_every_session_but_this_one(alice):
    here, others = logged_in(alice), [logged_in(alice) for _ in range(2)]
    reply = here.post(PORTAL + '/sessions/end-others', allow_redirects=False, timeout=30,
                      data={'csrf_token': csrf(here, '/sessions')})
    assert reply.status_code == 302
    assert not any(sees_own_pages(other) for other in others)
    assert sees_own_pages(here)
    assert session_ids(here)[0] == []


def test_nobody_ends_another_users_session(alice):
    victim_other = logged_in(alice)
    ids, _ = session_ids(logged_in(alice))
    attacker = logged_in(register())
    for session_id in ids + ['0', '99999999999999999999', 'x']:
        assert end(attacker, session_id).status_code == 404
    assert sees_own_pages(victim_other)
