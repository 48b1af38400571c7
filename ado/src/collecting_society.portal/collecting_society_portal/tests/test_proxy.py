"""Behind the proxy: redirects stay on the host and port the browser used,
whatever the proxy says about them, and the client's address is the one the
proxy saw."""
from collecting_society_portal.proxy import _forwarded_host, _strip


def test_redirects_are_paths(portal):
    # nginx's $host drops the port: an absolute Location would lose it
    response = portal.get('/dashboard', headers={'Host': 'localhost'}, status=302)
    assert response.headers['Location'] == '/login?next=%2Fdashboard'


def test_foreign_locations_stay_absolute():
    assert _strip('http://localhost:81/login?a=1', 'localhost:81') == '/login?a=1'
    assert _strip('http://localhost:81', 'localhost:81') == '/'
    assert _strip('http://localhost/x', 'localhost:80') == '/x'
    assert _strip('http://localhost:8100/x', 'localhost:81') == 'http://localhost:8100/x'
    assert _strip('https://example.org/', 'localhost:81') == 'https://example.org/'


def test_forwarded_host_and_port():
    assert _forwarded_host({'X-Forwarded-Host': 'portal.example.org',
                            'X-Forwarded-Port': '81'}) == 'portal.example.org:81'
    assert _forwarded_host({'X-Forwarded-Host': 'localhost:81',
                            'X-Forwarded-Port': '81'}) == 'localhost:81'
    assert _forwarded_host({}) == ''


def test_links_are_paths(portal):
    page = portal.get('/', headers={'Host': 'localhost'})
    assert 'href="/login"' in page.text and 'http://localhost' not in page.text
