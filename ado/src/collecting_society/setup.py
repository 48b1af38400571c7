"""The collecting_society Tryton module: artists, creations, licenses, releases."""
from pathlib import Path

from setuptools import setup

# Tryton's convention: the module's directory is the package (package_dir '.'),
# so tryton.cfg, the XML and the views sit beside the Python files.
setup(
    name='collecting_society',
    version='8.0.0',
    description='Tryton module of a collecting society: artists, creations, '
    'licenses, releases and the web users who own them',
    long_description=(Path(__file__).parent / 'README.rst').read_text(),
    long_description_content_type='text/x-rst',
    license='GPL-3.0-or-later',
    python_requires='>=3.10',
    packages=['collecting_society', 'collecting_society.cwr', 'collecting_society.dsr',
              'collecting_society.tests'],
    package_dir={'collecting_society': '.'},
    package_data={
        'collecting_society': ['tryton.cfg', '*.xml', 'view/*.xml', 'icons/*.svg'],
        # the golden files of the CWR and DSR tests, and what writes them
        'collecting_society.tests': ['*.rst', 'cwr/*', 'dsr/*'],
    },
    install_requires=[
        'trytond==8.0.*',
        'trytond-party==8.0.*',
        'trytond-company==8.0.*',
        'trytond-currency==8.0.*',
        'trytond-country==8.0.*',
        'trytond-web-user==8.0.*',
        'trytond-product==8.0.*',
        'trytond-account==8.0.*',
        'trytond-account-product==8.0.*',
        'trytond-account-invoice==8.0.*',
        # identifiers.py: ISRC and ISNI (trytond-party needs it too)
        'python-stdnum',
    ],
    extras_require={'test': ['proteus==8.0.*']},
    entry_points={
        'trytond.modules': ['collecting_society = collecting_society'],
    },
    zip_safe=False,
)
