"""One Tryton transaction per request: read-only for GET, committed with a
success, rolled back with an error, retried after a conflict."""
import os

import pytest
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPBadRequest
from trytond import backend
from trytond.pool import Pool
from trytond.transaction import Transaction
from webtest import TestApp

from .conftest import settings


def error_page(exc, request):
    request.response.status = 500
    return request.response


@pytest.fixture(params=['bare', 'with exception view'])
def app(request):
    """A bare app with the transaction tween, with and without an exception
    view (the portal's and the api's render every error); its views note
    their writes as rows of res.user.warning, a table no test relies on."""
    exception_view = request.param != 'bare'
    calls = {'conflicts': 0}

    def note(request):
        Warning_ = Pool().get('res.user.warning')
        Warning_.create([{'user': 0, 'name': request.params['name'], 'always': False}])

    def write(request):
        note(request)
        return request.response

    def write_then_fail(request):
        note(request)
        raise HTTPBadRequest('no')

    def write_after_conflict(request):
        if calls['conflicts'] < int(request.params['conflicts']):
            calls['conflicts'] += 1
            raise backend.DatabaseOperationalError('conflict')
        return write(request)

    def readonly(request):
        request.response.text = str(Transaction().readonly)
        return request.response

    with Configurator(settings={**settings('api'), 'ado.mode': 'api'}) as config:
        config.include('collecting_society_portal.tryton')
        for name, view in [('write', write), ('fail', write_then_fail),
                           ('conflict', write_after_conflict), ('readonly', readonly)]:
            config.add_route(name, f'/{name}')
            config.add_view(view, route_name=name)
        if exception_view:
            config.add_exception_view(error_page, context=Exception)
        yield TestApp(config.make_wsgi_app()), calls


def written(name):
    """How many notes `name` were committed (and removes them)."""
    with Transaction().start(os.environ['DB_NAME'], 0):
        Warning_ = Pool().get('res.user.warning')
        found = Warning_.search([('name', '=', name)])
        Warning_.delete(found)
        return len(found)


def test_get_is_readonly(app):
    test_app, _ = app
    assert test_app.get('/readonly').text == 'True'
    assert test_app.post('/readonly').text == 'False'


def test_success_commits(app):
    test_app, _ = app
    test_app.post('/write?name=ado-commit')
    assert written('ado-commit') == 1


def test_error_rolls_back(app):
    test_app, _ = app
    test_app.post('/fail?name=ado-rollback', status=400)
    assert written('ado-rollback') == 0


def test_conflict_is_retried(app):
    test_app, calls = app
    test_app.post('/conflict?name=ado-retry&conflicts=2')
    assert calls['conflicts'] == 2
    assert written('ado-retry') == 1
