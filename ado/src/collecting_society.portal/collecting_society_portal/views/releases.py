"""Releases: list, view, add, edit, delete the web user's own, with their
tracks (the web user's creations, each under a license)."""
from collections import Counter

from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config, view_defaults

from ..domain import RELEASE, release_values
from ..errors import USER_ERRORS, message
from ..forms import Form
from ..records import by_uuid, model, own, release as present
from ..security import MEMBER
from . import template

FIELDS = list(RELEASE.fields)


def form_of(request, release):
    form = Form(request, [])
    form.values = {
        'title': release.title, 'label': release.label or '',
        'date': release.date.isoformat() if release.date else '',
        'tracks': tracks_text(release)}
    return form


def tracks_text(release):
    """The tracks as the form's text: one "creation; license" per line, the
    creation by its title, or by its UUID where the title is not unique."""
    titles = Counter(c.title for c in own('creation'))

    def line(track):
        creation = track.creation
        named = creation.title if titles[creation.title] == 1 else creation.uuid
        return f'{named}; {track.license.code}' if track.license else named
    return '\n'.join(line(t) for t in release.tracks)


@view_defaults(permission=MEMBER)
class ReleaseViews:

    def __init__(self, request):
        self.request = request

    def _form_page(self, form, release=None, status=200):
        self.request.response.status = status
        return {'form': form, 'release': release,
                'licenses': [(l.code, l.name) for l in own('license')]}

    def _saved(self, verb, release):
        self.request.session.flash(f'{verb} the release {release.title}.')
        return HTTPFound(self.request.route_path('release_view', uuid=release.uuid))

    @view_config(route_name='releases', renderer=template('release_list'),
                 request_method=('GET', 'HEAD'))
    def list(self):
        with self.request.as_portal():
            return {'releases': [present(r) for r in own('release')]}

    @view_config(route_name='release_view', renderer=template('release_view'),
                 request_method=('GET', 'HEAD'))
    def view(self):
        with self.request.as_portal():
            return {'release': present(by_uuid('release', self.request.matchdict['uuid']))}

    @view_config(route_name='release_add', renderer=template('release_form'),
                 request_method=('GET', 'HEAD'))
    def add_form(self):
        with self.request.as_portal():
            return self._form_page(Form(self.request, FIELDS))

    @view_config(route_name='release_add', renderer=template('release_form'), request_method='POST')
    def add(self):
        with self.request.as_portal():
            form = Form(self.request, FIELDS)
            values = form.values_for(RELEASE)
            if values:
                try:
                    release, = model('release').create(
                        [{**release_values(values), 'web_user': self.request.web_user}])
                except USER_ERRORS as error:
                    self.request.tryton_doom()
                    form.errors['_'] = message(error)
                else:
                    return self._saved('Added', release)
            return self._form_page(form, status=400)

    @view_config(route_name='release_edit', renderer=template('release_form'),
                 request_method=('GET', 'HEAD'))
    def edit_form(self):
        with self.request.as_portal():
            release = by_uuid('release', self.request.matchdict['uuid'])
            return self._form_page(form_of(self.request, release), present(release))

    @view_config(route_name='release_edit', renderer=template('release_form'), request_method='POST')
    def edit(self):
        with self.request.as_portal():
            release = by_uuid('release', self.request.matchdict['uuid'])
            form = Form(self.request, FIELDS)
            values = form.values_for(RELEASE)
            if values:
                try:
                    model('release').write([release], release_values(values, release))
                except USER_ERRORS as error:
                    self.request.tryton_doom()
                    form.errors['_'] = message(error)
                else:
                    return self._saved('Saved', release)
            return self._form_page(form, present(release), status=400)

    @view_config(route_name='release_delete', renderer=template('confirm_delete'),
                 request_method=('GET', 'HEAD'))
    def delete_form(self):
        with self.request.as_portal():
            release = by_uuid('release', self.request.matchdict['uuid'])
            return {'what': f'the release {release.title}', 'problem': None,
                    'cancel': self.request.route_path('release_view', uuid=release.uuid)}

    @view_config(route_name='release_delete', renderer=template('confirm_delete'),
                 request_method='POST')
    def delete(self):
        with self.request.as_portal():
            release = by_uuid('release', self.request.matchdict['uuid'])
            title = release.title
            model('release').delete([release])
            self.request.session.flash(f'Deleted the release {title}.')
            return HTTPFound(self.request.route_path('releases'))
