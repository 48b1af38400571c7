"""The portal's pages."""


def template(name):
    """The renderer of the page template `name`, as an asset spec: a bare
    file name makes pyramid_jinja2 first try (and miss, uncached) the
    calling package on every render."""
    return f'collecting_society_portal:templates/{name}.jinja2'
