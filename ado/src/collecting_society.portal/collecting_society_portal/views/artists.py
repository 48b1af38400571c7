"""Artists: list, view, add, edit, delete the web user's own."""
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config, view_defaults

from ..domain import ARTIST
from ..errors import USER_ERRORS, message
from ..forms import Form
from ..records import (
    artist as present, by_uuid, creation as present_creation, has_other_artist_named, model,
    own)
from ..security import MEMBER
from . import template

FIELDS = list(ARTIST.fields)


def read_form(request, artist=None):
    """The form and the values to write (None when refused)."""
    form = Form(request, FIELDS)
    values = form.values_for(ARTIST)
    if values and has_other_artist_named(values['name'], artist):
        form.errors['name'] = 'You have an artist of this name already.'
        values = None
    return form, values


def form_of(request, artist):
    form = Form(request, [])
    form.values = {'name': artist.name, 'group': 'on' if artist.group else '',
                   'description': artist.description or '',
                   'ipi_name_number': artist.ipi_name_number or '', 'isni': artist.isni or ''}
    return form


@view_defaults(permission=MEMBER)
class ArtistViews:

    def __init__(self, request):
        self.request = request

    def _failed(self, form, error):
        self.request.tryton_doom()
        self.request.response.status = 400
        form.errors['_'] = message(error)

    @view_config(route_name='artists', renderer=template('artist_list'), request_method=('GET', 'HEAD'))
    def list(self):
        with self.request.as_portal():
            return {'artists': [present(a) for a in own('artist')]}

    @view_config(route_name='artist_view', renderer=template('artist_view'), request_method=('GET', 'HEAD'))
    def view(self):
        with self.request.as_portal():
            artist = by_uuid('artist', self.request.matchdict['uuid'])
            return {'artist': present(artist),
                    'creations': [present_creation(c) for c in artist.creations]}

    @view_config(route_name='artist_add', renderer=template('artist_form'), request_method=('GET', 'HEAD'))
    def add_form(self):
        return {'form': Form(self.request, FIELDS), 'artist': None}

    @view_config(route_name='artist_add', renderer=template('artist_form'), request_method='POST')
    def add(self):
        with self.request.as_portal():
            form, values = read_form(self.request)
            if values:
                try:
                    artist, = model('artist').create(
                        [{**values, 'web_user': self.request.web_user}])
                except USER_ERRORS as error:
                    self._failed(form, error)
                else:
                    self.request.session.flash(f'Added the artist {artist.name}.')
                    return HTTPFound(self.request.route_path('artist_view', uuid=artist.uuid))
        self.request.response.status = 400
        return {'form': form, 'artist': None}

    @view_config(route_name='artist_edit', renderer=template('artist_form'), request_method=('GET', 'HEAD'))
    def edit_form(self):
        with self.request.as_portal():
            artist = by_uuid('artist', self.request.matchdict['uuid'])
            return {'form': form_of(self.request, artist), 'artist': present(artist)}

    @view_config(route_name='artist_edit', renderer=template('artist_form'), request_method='POST')
    def edit(self):
        with self.request.as_portal():
            artist = by_uuid('artist', self.request.matchdict['uuid'])
            form, values = read_form(self.request, artist)
            if values:
                try:
                    model('artist').write([artist], values)
                except USER_ERRORS as error:
                    self._failed(form, error)
                else:
                    self.request.session.flash(f'Saved the artist {artist.name}.')
                    return HTTPFound(self.request.route_path('artist_view', uuid=artist.uuid))
            self.request.response.status = 400
            return {'form': form, 'artist': present(artist)}

    @view_config(route_name='artist_delete', renderer=template('confirm_delete'), request_method=('GET', 'HEAD'))
    def delete_form(self):
        with self.request.as_portal():
            artist = by_uuid('artist', self.request.matchdict['uuid'])
            return {'what': f'the artist {artist.name}', 'problem': None,
                    'cancel': self.request.route_path('artist_view', uuid=artist.uuid)}

    @view_config(route_name='artist_delete', renderer=template('confirm_delete'), request_method='POST')
    def delete(self):
        with self.request.as_portal():
            artist = by_uuid('artist', self.request.matchdict['uuid'])
            name = artist.name
            if artist.creations:
                problem = 'Delete or move its creations first.'
            else:
                try:
                    model('artist').delete([artist])
                except USER_ERRORS as error:
                    problem = message(error)
                else:
                    self.request.session.flash(f'Deleted the artist {name}.')
                    return HTTPFound(self.request.route_path('artists'))
            self.request.tryton_doom()
            self.request.response.status = 409
            return {'what': f'the artist {name}', 'problem': problem,
                    'cancel': self.request.route_path('artist_view', uuid=artist.uuid)}
