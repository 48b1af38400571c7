"""The demo web users as the tests through the proxy meet them: the API
with HTTP basic auth, and a logged-in portal session."""
import re

import requests

from conftest import HTTP_PORT, PORTAL

API = f'http://localhost:{HTTP_PORT}'
API_HOST = {'Host': 'api.localhost'}
PASSWORD = 'demo-password'


def api(method, path, email, **kwargs):
    return requests.request(method, API + path, headers=API_HOST,
                            auth=(email, PASSWORD), timeout=60, **kwargs)


def portal_session(email):
    session = requests.Session()
    page = session.get(f'{PORTAL}/login', timeout=30)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    reply = session.post(f'{PORTAL}/login', timeout=30, allow_redirects=False, data={
        'csrf_token': csrf, 'email': email, 'password': PASSWORD, 'next': ''})
    assert reply.status_code == 302, reply.text
    return session
