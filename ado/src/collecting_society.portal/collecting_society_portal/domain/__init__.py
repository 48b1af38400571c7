"""The one domain layer under the portal and the API.

Each resource is a table of fields (type, limit, required) in a module of
its own (artist.py, creation.py, ...); the portal's forms, the API's bodies
and the OpenAPI document all read the same table, so they cannot disagree.
A new resource is a new module with a Resource, listed in RESOURCES.
"""
from .artist import ARTIST
from .creation import CREATION, creation_values
from .declaration import DECLARATION, declaration_values
from .fields import Invalid
from .license import LICENSE
from .release import RELEASE, release_values
from .token import TOKEN

RESOURCES = {resource.name: resource for resource in (ARTIST, CREATION, LICENSE, RELEASE)}

__all__ = ['ARTIST', 'CREATION', 'DECLARATION', 'LICENSE', 'RELEASE', 'TOKEN', 'Invalid',
           'RESOURCES', 'creation_values', 'declaration_values',
           'release_values']
