"""/declarations: a licensee's declarations, with their amounts and whether
their invoices are paid, and the form that declares a use (as the portal
user: only the web user's own licensees and declarations)."""
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config, view_defaults

from ..domain import DECLARATION, Invalid, declaration_values
from ..errors import USER_ERRORS, message
from ..forms import Form
from ..records import model
from ..security import MEMBER
from . import template

FIELDS = list(DECLARATION.fields)


def present(declaration):
    invoice = declaration.invoice
    return {
        'uuid': declaration.uuid, 'licensee': declaration.licensee.name,
        'category': declaration.category.name, 'date': declaration.date.isoformat(),
        'end_date': declaration.end_date.isoformat() if declaration.end_date else '',
        'place': declaration.place or '', 'state': declaration.state,
        'amount': str(declaration.amount) if declaration.amount is not None else '',
        'invoice_total': str(invoice.total_amount) if invoice else '',
        'paid': bool(invoice and invoice.state == 'paid'),
        'works': len(declaration.utilisations),
        'unidentified': sum(1 for u in declaration.utilisations if not u.creation),
    }


def choices():
    """The caller's licensees and the tariff categories, for the form."""
    return {
        'licensees': [(l.uuid, l.name) for l in model('licensee').search([])],
        'categories': [(c.code, c.name) for c in model('tariff.category').search([])],
    }


@view_defaults(permission=MEMBER)
class DeclarationViews:

    def __init__(self, request):
        self.request = request

    @view_config(route_name='declarations', renderer=template('declaration_list'),
                 request_method=('GET', 'HEAD'))
    def list(self):
        with self.request.as_portal():
            return {'declarations': [present(d) for d in model('declaration').search([])],
                    'licensee': bool(model('licensee').search([], limit=1))}

    @view_config(route_name='declaration_add', renderer=template('declaration_form'),
                 request_method=('GET', 'HEAD'))
    def add_form(self):
        with self.request.as_portal():
            return {'form': Form(self.request, FIELDS), **choices()}

    @view_config(route_name='declaration_add', renderer=template('declaration_form'),
                 request_method='POST')
    def add(self):
        with self.request.as_portal():
            form = Form(self.request, FIELDS)
            if form.ok:
                try:
                    model('declaration').create([declaration_values(form.values, form=True)])
                except Invalid as invalid:
                    form.refuse(invalid)
                except USER_ERRORS as error:
                    self.request.tryton_doom()
                    form.errors['_'] = message(error)
                else:
                    self.request.session.flash(
                        'Declared. The society confirms and invoices it.')
                    return HTTPFound(self.request.route_path('declarations'))
            self.request.response.status = 400
            return {'form': form, **choices()}
