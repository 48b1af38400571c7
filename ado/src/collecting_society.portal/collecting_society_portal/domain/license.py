"""Licenses: public, read-only (the back office keeps them)."""
from .resource import Resource

LICENSE = Resource('licenses', 'license', [], search=('name', 'code'))
