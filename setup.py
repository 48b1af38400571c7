"""Installs ado_do: the ado-do CLI (inside the containers) and the host scripts' logic."""
from setuptools import find_packages, setup

setup(
    name='ado',
    version='0.1.0',
    description='Services for a collecting society, set up with Docker Compose',
    python_requires='>=3.10',
    package_dir={'': 'ado'},
    packages=find_packages('ado', include=['ado_do', 'ado_do.*']),
    install_requires=['click>=8,<9'],
    extras_require={
        # inside the containers (the images install these from the wheelhouse)
        'db': ['psycopg[binary]>=3.1,<4'],
        # the host scripts: ./update, ./show_external_urls, ./monitor
        'host': ['GitPython>=3,<4', 'docker>=7,<8', 'rich>=13', 'PyYAML>=6,<7'],
        # ./run-tests on the host
        'test': [
            'pytest>=8,<9', 'requests>=2.31', 'proteus==8.0.*',
            'selenium>=4.20', 'schemathesis>=3.30',
        ],
    },
    entry_points={'console_scripts': ['ado-do=ado_do.cli:main']},
)
