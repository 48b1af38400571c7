"""collecting_society.portal: the web portal and JSON API of the collecting society.

A Pyramid app that runs trytond in-process on the database named by its ini file.
"""
from setuptools import find_packages, setup

setup(
    name='collecting_society.portal',
    version='0.1.0',
    description='Web portal and API of the collecting society (Pyramid + trytond)',
    python_requires='>=3.10',
    packages=find_packages(),
    include_package_data=True,
    package_data={'collecting_society_portal': ['templates/*.jinja2', 'static/*']},
    zip_safe=False,
    # everything here is in the ado-portal image; pip runs with --no-deps there
    install_requires=[
        'pyramid>=2,<3',
        'pyramid-jinja2>=2.10',
        'trytond==8.0.*',
        'trytond-web-user==8.0.*',
    ],
    extras_require={'testing': ['WebTest>=3', 'pytest>=8']},
    entry_points={
        'paste.app_factory': ['main = collecting_society_portal:main'],
    },
)
