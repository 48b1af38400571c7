"""Creations: list, view, add, edit, delete the web user's own."""
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config, view_defaults

from collecting_society.identifiers import format_iswc

from ..domain import CREATION, creation_values
from ..errors import USER_ERRORS, message
from ..forms import Form
from ..records import (artist as present_artist, by_uuid, creation as present,
                       model, own, percent)
from ..security import MEMBER
from . import template

FIELDS = list(CREATION.fields)


def read_form(request):
    """The form and the values to write (None when the form has errors)."""
    form = Form(request, FIELDS)
    return form, form.values_for(CREATION)


def form_of(request, creation):
    form = Form(request, [])
    form.values = {
        'title': creation.title, 'artist': creation.artist.uuid,
        'iswc': format_iswc(creation.iswc) if creation.iswc else '',
        'date': creation.date.isoformat() if creation.date else '',
        'lyrics': creation.lyrics or '', 'notes': creation.notes or '',
        'rights': rights_text(creation)}
    return form


def rights_text(creation):
    """The rights as the form's text: one "right; artist; share" per line."""
    return '\n'.join(f'{r.right}; {r.rights_holder.name}; {percent(r.share)}'
                     for r in creation.rights)


@view_defaults(permission=MEMBER)
class CreationViews:

    def __init__(self, request):
        self.request = request

    def _form_page(self, form, creation=None, status=200):
        self.request.response.status = status
        return {'form': form, 'creation': creation,
                'artists': [present_artist(a) for a in own('artist')]}

    @view_config(route_name='creations', renderer=template('creation_list'), request_method=('GET', 'HEAD'))
    def list(self):
        with self.request.as_portal():
            rows, _ = model('creation').summaries()
            return {'creations': rows}

    @view_config(route_name='creation_view', renderer=template('creation_view'), request_method=('GET', 'HEAD'))
    def view(self):
        with self.request.as_portal():
            creation = by_uuid('creation', self.request.matchdict['uuid'])
            return {'creation': present(creation),
                    'iswc': format_iswc(creation.iswc) if creation.iswc else None}

    @view_config(route_name='creation_add', renderer=template('creation_form'), request_method=('GET', 'HEAD'))
    def add_form(self):
        with self.request.as_portal():
            form = Form(self.request, FIELDS)
            form.values['artist'] = self.request.params.get('artist', '')
            return self._form_page(form)

    @view_config(route_name='creation_add', renderer=template('creation_form'), request_method='POST')
    def add(self):
        with self.request.as_portal():
            form, values = read_form(self.request)
            if values:
                try:
                    creation, = model('creation').create(
                        [{**creation_values(values), 'web_user': self.request.web_user}])
                except USER_ERRORS as error:
                    self.request.tryton_doom()
                    form.errors['_'] = message(error)
                else:
                    self.request.session.flash(f'Added the creation {creation.title}.')
                    return HTTPFound(self.request.route_path('creation_view', uuid=creation.uuid))
            return self._form_page(form, status=400)

    @view_config(route_name='creation_edit', renderer=template('creation_form'), request_method=('GET', 'HEAD'))
    def edit_form(self):
        with self.request.as_portal():
            creation = by_uuid('creation', self.request.matchdict['uuid'])
            return self._form_page(form_of(self.request, creation), present(creation))

    @view_config(route_name='creation_edit', renderer=template('creation_form'), request_method='POST')
    def edit(self):
        with self.request.as_portal():
            creation = by_uuid('creation', self.request.matchdict['uuid'])
            form, values = read_form(self.request)
            if values:
                try:
                    model('creation').write([creation], creation_values(values, creation))
                except USER_ERRORS as error:
                    self.request.tryton_doom()
                    form.errors['_'] = message(error)
                else:
                    self.request.session.flash(f'Saved the creation {creation.title}.')
                    return HTTPFound(self.request.route_path('creation_view', uuid=creation.uuid))
            return self._form_page(form, present(creation), status=400)

    @view_config(route_name='creation_delete', renderer=template('confirm_delete'), request_method=('GET', 'HEAD'))
    def delete_form(self):
        with self.request.as_portal():
            creation = by_uuid('creation', self.request.matchdict['uuid'])
            return {'what': f'the creation {creation.title}', 'problem': None,
                    'cancel': self.request.route_path('creation_view', uuid=creation.uuid)}

    @view_config(route_name='creation_delete', renderer=template('confirm_delete'), request_method='POST')
    def delete(self):
        with self.request.as_portal():
            creation = by_uuid('creation', self.request.matchdict['uuid'])
            title, uuid = creation.title, creation.uuid
            try:
                model('creation').delete([creation])
            except USER_ERRORS as error:
                self.request.tryton_doom()
                self.request.response.status = 409
                return {'what': f'the creation {title}', 'problem': message(error),
                        'cancel': self.request.route_path('creation_view', uuid=uuid)}
            self.request.session.flash(f'Deleted the creation {title}.')
            return HTTPFound(self.request.route_path('creations'))
