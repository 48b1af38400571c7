"""Register, log in, log out."""
import os
import re

from pyramid.httpexceptions import HTTPFound
from pyramid.renderers import render_to_response
from pyramid.view import view_config

from .. import accounts
from ..forms import Form
from ..portal import SESSION_KEY
from . import template


def _start_session(request, web_user_id):
    # a new cookie (and CSRF token) at login: no session fixation
    request.session.invalidate()
    request.session[SESSION_KEY] = accounts.new_session(web_user_id)


# a path of this site: one slash, then no slash or backslash (browsers read
# `/\evil.com` as `//evil.com`), and no control characters (CR/LF would split
# the Location header, NUL breaks the proxy): printable ASCII only
LOCAL_PATH = re.compile(r'/(?![/\\])[!-\[\]-~]*')


def safe_next(target):
    """target when it is a path of this site, else None: no open redirect."""
    if isinstance(target, str) and len(target) <= 2000 and LOCAL_PATH.fullmatch(target):
        return target
    return None


def _next_url(request):
    return safe_next(request.params.get('next', '')) or request.route_path('dashboard')


@view_config(route_name='register', renderer=template('register'), request_method=('GET', 'HEAD'))
def register_form(request):
    return {'form': Form(request, ['email'])}


@view_config(route_name='register', renderer=template('register'), request_method='POST')
def register(request):
    form = Form(request, ['email', 'password', 'password_confirm'])
    form.require('email', 'password', 'password_confirm')
    form.max_length('email', 254)
    form.email('email')
    form.no_colon('email')
    if form.ok:
        try:
            accounts.register(form['email'], form['password'], form['password_confirm'],
                              portal_url(request))
        except accounts.AccountError as error:
            form.errors[error.field or 'email'] = str(error)
        except accounts.Throttled as error:
            return _throttled(request, form, error, {'form': form})
    if not form.ok:
        request.response.status = 400
        return {'form': form}
    # the same answer whether or not the email has an account
    return render_to_response(template('mail_sent'), {'email': form['email'], 'what': 'register'},
                              request=request)


def portal_url(request):
    """The portal's own address for links in mails: PORTAL_URL, never the
    request's Host (a forged Host would send the links elsewhere)."""
    return request.registry.settings.get('portal.url') or os.environ.get(
        'PORTAL_URL', 'http://localhost:81')


def _throttled(request, form, error, result):
    request.response.status = 429
    request.response.headers['Retry-After'] = str(error.retry_after)
    form.errors['_'] = (f'Too many requests from your address. Please try again in '
                        f'{error.retry_after // 60 + 1} minutes.')
    return result


@view_config(route_name='verify', renderer=template('verify'), request_method=('GET', 'HEAD'))
def verify_form(request):
    # a button, not the GET itself: mail scanners that open links change nothing
    return {'token': request.params.get('token', '')}


@view_config(route_name='verify', renderer=template('message'), request_method='POST')
def verify(request):
    if accounts.verify(request.POST.get('token')):
        return {'title': 'Email confirmed', 'text': 'Thank you: you can log in now.',
                'login': True}
    request.response.status = 400
    return {'title': 'Link expired', 'login': False,
            'text': 'This link has expired or was used already. Log in to get a new one.'}


@view_config(route_name='reset', renderer=template('reset'), request_method=('GET', 'HEAD'))
def reset_form(request):
    return {'form': Form(request, ['email'])}


@view_config(route_name='reset', renderer=template('reset'), request_method='POST')
def reset(request):
    form = Form(request, ['email'])
    form.require('email')
    form.max_length('email', 254)
    if form.ok:
        try:
            accounts.request_reset(form['email'], portal_url(request))
        except accounts.Throttled as error:
            return _throttled(request, form, error, {'form': form})
    if not form.ok:
        request.response.status = 400
        return {'form': form}
    return render_to_response(template('mail_sent'), {'email': form['email'], 'what': 'reset'},
                              request=request)


@view_config(route_name='reset_confirm', renderer=template('reset_confirm'),
             request_method=('GET', 'HEAD'))
def reset_confirm_form(request):
    return {'form': Form(request, []), 'email': request.params.get('email', ''),
            'token': request.params.get('token', '')}


@view_config(route_name='reset_confirm', renderer=template('reset_confirm'), request_method='POST')
def reset_confirm(request):
    form = Form(request, ['email', 'token', 'password', 'password_confirm'])
    form.require('password', 'password_confirm')
    result = {'form': form, 'email': form['email'], 'token': form['token']}
    if form.ok:
        try:
            accounts.reset_password(form['email'], form['token'], form['password'],
                                    form['password_confirm'])
        except accounts.AccountError as error:
            form.errors[error.field or 'password'] = str(error)
    if not form.ok:
        request.response.status = 400
        return result
    request.session.flash('Your new password is set: log in with it. Every session and API '
                          'token you had before has ended.')
    return HTTPFound(request.route_path('login'))


@view_config(route_name='login', renderer=template('login'), request_method=('GET', 'HEAD'))
def login_form(request):
    return {'form': Form(request, ['email']), 'next': safe_next(request.params.get('next'))}


@view_config(route_name='login', renderer=template('login'), request_method='POST')
def login(request):
    form = Form(request, ['email', 'password'])
    form.require('email', 'password')
    result = {'form': form, 'next': safe_next(request.params.get('next'))}
    if not form.ok:
        request.response.status = 400
        return result
    try:
        web_user_id = accounts.authenticate(form['email'], form['password'])
    except accounts.Unverified as error:
        request.response.status = 403
        form.errors['password'] = str(error)
        return result
    except accounts.Throttled as error:
        request.response.status = 429
        request.response.headers['Retry-After'] = str(error.retry_after)
        form.errors['password'] = (
            'Too many failed attempts from your address. Please try again in '
            f'{error.retry_after // 60 + 1} minutes.')
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


@view_config(route_name='logout', renderer=template('logout'), request_method=('GET', 'HEAD'))
def logout_form(request):
    # logging out changes state, so it needs a POST with a CSRF token
    return {}
