"""Behind the proxy, redirects go back through it and failed logins count
per client address."""


def test_redirect_keeps_forwarded_host_and_port(portal):
    headers = {'X-Forwarded-Host': 'portal.example.org', 'X-Forwarded-Port': '81',
               'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.9'}
    response = portal.get('/dashboard', headers=headers, status=302)
    assert response.location.startswith('https://portal.example.org:81/login')


def test_forwarded_host_with_port(portal):
    response = portal.get('/dashboard', headers={'X-Forwarded-Host': 'localhost:81'}, status=302)
    assert response.location.startswith('http://localhost:81/login')
