"""The development mail catcher as the tests read it, and registering a web
user the way a person does: the form, then the link in the mail."""
import re
import time

import requests

from ado_host.compose import compose


def mail_url():
    done = compose('port', 'mail', '8025', capture_output=True, text=True)
    return f'http://{done.stdout.strip()}'


def messages_to(email, timeout=30, containing=''):
    """The texts of the mails to `email`, newest first, waiting for one that
    contains `containing` (the worker sends the mails, a moment later)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m['text'] for m in requests.get(mail_url() + '/messages.json', timeout=30).json()
                 if email in m['to']]
        if any(containing in text for text in found) or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def link_to(email, path, timeout=30):
    """The newest link to the portal's `path` mailed to `email`, waiting for it."""
    return link_in(messages_to(email, timeout, containing=f'{path}?'), path)


def link_in(texts, path):
    for text in texts:
        match = re.search(rf'(https?://[^\s)\]]+{re.escape(path)}\?[^\s)\]]+)', text)
        if match:
            return match.group(1)
    raise AssertionError(f'no {path} link in {texts!r}')


def csrf(session, url):
    page = session.get(url, timeout=30)
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def verify(portal, email):
    """Click the verification link of the newest mail to `email`."""
    link = link_to(email, '/verify')
    session = requests.Session()
    page = session.get(link, timeout=30)
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
    return session.post(f'{portal}/verify', timeout=30, data={
        'csrf_token': csrf(session, link), 'token': token})


def register(portal, email, password):
    """Register through the portal's form and verify the email."""
    session = requests.Session()
    reply = session.post(f'{portal}/register', allow_redirects=False, timeout=30, data={
        'csrf_token': csrf(session, f'{portal}/register'), 'email': email,
        'password': password, 'password_confirm': password})
    assert reply.status_code == 200 and 'Check your mail' in reply.text, reply.text
    assert verify(portal, email).status_code == 200
    return email
