"""Installs ado_host, the host scripts' logic (./update, ./show_external_urls,
./monitor, ./stackfile, ./run-tests), into the checkout's .venv.

ado-do, the tool inside the containers, is not installed here: it runs from
the checkout's ado/ directory, mounted at /ado (ado/ado-do)."""
from setuptools import setup

setup(
    name='ado-host',
    version='0.1.0',
    description='Services for a collecting society, set up with Docker Compose: host tools',
    python_requires='>=3.10',
    packages=['ado_host'],
    install_requires=['click>=8,<9'],
    extras_require={
        # the host scripts: ./update, ./show_external_urls, ./monitor, ./stackfile
        'host': ['GitPython>=3,<4', 'docker>=7,<8', 'rich>=13', 'PyYAML>=6,<7'],
        # ./run-tests on the host
        'test': [
            'pytest>=8,<9', 'requests>=2.31', 'proteus==8.0.*',
            'selenium>=4.20', 'schemathesis>=3.30',
        ],
    },
)
