"""The portal's forms, refused before they are parsed when no form of ours
could be so big.

WebOb parses a form body whole, into a dictionary, the first time a view or
the CSRF check reads it: an anonymous 1 MB form of 300,000 fields cost about
a second of the interpreter per request, and 12 clients pushed /login to 7 s
(issue 26, item 7). The largest form has a few dozen fields. No form of
ours is multipart (no uploads), whose parts would be parsed whole too.
"""
from pyramid.httpexceptions import HTTPRequestEntityTooLarge, HTTPUnsupportedMediaType

# fields of the largest form, many times over (a release's tracks are one field)
MAX_FIELDS = 1000


def form_size_tween_factory(handler, registry):
    def tween(request):
        if request.method == 'POST':
            if request.content_type == 'multipart/form-data':
                return HTTPUnsupportedMediaType('Forms are sent urlencoded here.')
            if (request.content_type == 'application/x-www-form-urlencoded'
                    and request.body.count(b'&') >= MAX_FIELDS):
                return HTTPRequestEntityTooLarge(f'A form has at most {MAX_FIELDS} fields.')
        return handler(request)
    return tween


def includeme(config):
    config.add_tween('collecting_society_portal.form_size.form_size_tween_factory')
