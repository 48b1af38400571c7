"""GET /health answers 200 only when the database really serves."""
from webtest import TestApp

from collecting_society_portal import main

from .conftest import settings


def test_health_ok(portal, api):
    for app in (portal, api):
        response = app.get('/health', status=200)
        assert response.json['status'] == 'ok'


def test_unavailable_without_database(monkeypatch):
    monkeypatch.setenv('DB_NAME', 'ado_no_such_db')
    app = TestApp(main({}, **settings('portal')))
    assert app.get('/health', status=503).json['status'] == 'unavailable'
    page = app.get('/', status=503)
    assert 'try again' in page.text and 'Traceback' not in page.text
