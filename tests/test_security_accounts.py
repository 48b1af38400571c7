"""Issue 26, items 5 and 6: registration and reset answer after the same
work whether or not the address has an account (their mails are made by the
worker), and an address someone else registered first is not locked out."""
import time

import pytest
import requests

import inbox

from conftest import PASSWORD, PORTAL, csrf, new_email, portal_login, register, up
from ado_host.compose import compose

pytestmark = pytest.mark.usefixtures('stack')

NEW_PASSWORD = 'quartz-Meadow-lantern-93'


def post_form(path, **fields):
    session = requests.Session()
    return session.post(PORTAL + path, timeout=30, data={
        'csrf_token': csrf(session, path), **fields})


def registration(email, password=PASSWORD):
    reply = post_form('/register', email=email, password=password, password_confirm=password)
    assert reply.status_code == 200 and 'Check your mail' in reply.text, reply.text


def no_mail_within(email, seconds, containing=''):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sent = [text for text in inbox.messages_to(email, timeout=0) if containing in text]
        assert not sent, f'a mail to {email} already: {sent}'
        time.sleep(0.5)


def test_the_mails_of_registration_and_reset_are_made_by_the_worker(alice):
    # made in the request, a mail showed in the answer's time whether the
    # address had an account (51-105 ms against 273-413 ms)
    newcomer, resetter = new_email(), register()
    compose('stop', 'worker')
    try:
        registration(newcomer)
        registration(alice)
        post_form('/reset', email=resetter)
        no_mail_within(newcomer, 3)
        no_mail_within(resetter, 3, containing='/reset/confirm')
        no_mail_within(alice, 3, containing='has one already')
    finally:
        up()
    assert inbox.link_to(newcomer, '/verify')
    assert inbox.link_to(resetter, '/reset/confirm')
    assert any('has one already' in text for text in
               inbox.messages_to(alice, containing='has one already'))


def reset(email, password):
    post_form('/reset', email=email)
    link = inbox.link_to(email, '/reset/confirm')
    session = requests.Session()
    page = session.get(link, timeout=30)
    assert page.status_code == 200, page.text
    from urllib.parse import parse_qs, urlsplit
    query = parse_qs(urlsplit(link).query)
    return session.post(PORTAL + '/reset/confirm', allow_redirects=False, timeout=30, data={
        'csrf_token': csrf(session, '/reset'), 'email': query['email'][0],
        'token': query['token'][0], 'password': password, 'password_confirm': password})


def test_an_address_registered_first_by_someone_else_is_not_locked_out():
    victim = new_email()
    # the attacker registers the victim's address with his own password and
    # never confirms it (he cannot: the mail goes to the victim)
    registration(victim, password='attacker-Owns-this-41')
    # the owner registers, is told it has an account, and resets its password
    registration(victim)
    assert reset(victim, NEW_PASSWORD).status_code == 302
    # the reset link came to the address: it is confirmed, the owner is in
    assert portal_login(victim, NEW_PASSWORD).status_code == 302
    assert portal_login(victim, 'attacker-Owns-this-41').status_code == 400
