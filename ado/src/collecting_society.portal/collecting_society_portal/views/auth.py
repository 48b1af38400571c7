"""Register, log in, log out."""
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config
from trytond.exceptions import RateLimitException

from .. import accounts
from ..forms import Form
from ..portal import SESSION_KEY


def _start_session(request, web_user_id):
    # a new cookie (and CSRF token) at login: no session fixation
    request.session.invalidate()
    request.session[SESSION_KEY] = accounts.new_session(web_user_id)


def _next_url(request):
    target = request.params.get('next', '')
    # only paths of this site: no open redirect
    if target.startswith('/') and not target.startswith('//'):
        return target
    return request.route_path('dashboard')


@view_config(route_name='register', renderer='register.jinja2', request_method=('GET', 'HEAD'))
def register_form(request):
    return {'form': Form(request, ['email'])}


@view_config(route_name='register', renderer='register.jinja2', request_method='POST')
def register(request):
    form = Form(request, ['email', 'password', 'password_confirm'])
    form.require('email', 'password', 'password_confirm')
    form.max_length('email', 254)
    form.email('email')
    if form.ok:
        try:
            web_user_id = accounts.register(
                form['email'], form['password'], form['password_confirm'])
        except accounts.AccountError as error:
            form.errors[error.field or 'email'] = str(error)
    if not form.ok:
        request.response.status = 400
        return {'form': form}
    _start_session(request, web_user_id)
    request.session.flash('Welcome! Your account is ready.')
    return HTTPFound(request.route_path('dashboard'))


@view_config(route_name='login', renderer='login.jinja2', request_method=('GET', 'HEAD'))
def login_form(request):
    return {'form': Form(request, ['email']), 'next': request.params.get('next', '')}


@view_config(route_name='login', renderer='login.jinja2', request_method='POST')
def login(request):
    form = Form(request, ['email', 'password'])
    form.require('email', 'password')
    result = {'form': form, 'next': request.params.get('next', '')}
    if not form.ok:
        request.response.status = 400
        return result
    try:
        web_user_id = accounts.authenticate(form['email'], form['password'])
    except RateLimitException:
        request.response.status = 429
        form.errors['password'] = 'Too many failed attempts. Please wait a while and try again.'
        return result
    if web_user_id is None:
        request.response.status = 400
        form.errors['password'] = 'Wrong email or password.'
        return result
    _start_session(request, web_user_id)
    return HTTPFound(_next_url(request))


@view_config(route_name='logout', request_method='POST')
def logout(request):
    key = request.session.get(SESSION_KEY)
    if key:
        accounts.end_session(key)
    request.session.invalidate()
    return HTTPFound(request.route_path('home'))


@view_config(route_name='logout', renderer='logout.jinja2', request_method=('GET', 'HEAD'))
def logout_form(request):
    # logging out changes state, so it needs a POST with a CSRF token
    return {}
