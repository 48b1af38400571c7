"""What ./update sets up: repositories to clone or directories to create, and
config files to copy from their examples.

repositories: (git url or None, git clone option, path relative to this file).
A None url means "create this directory". The in-tree development packages
(ado/src/collecting_society, ado/src/collecting_society.portal) need no entry.

configfiles: (example, target); the target is written only when it is missing,
so your changes are never overwritten.
"""

repositories = [
    (None, None, 'postgresql-data'),
    (None, None, 'ado/var/lib/trytond'),
    (None, None, 'ado/var/log'),
    # Add development clones here, e.g. a Tryton module you work on:
    # ('https://github.com/tryton/party.git', '--branch=8.0', 'ado/src/party'),
]

configfiles = [
    ('ado/etc/trytonpassfile.example', 'ado/etc/trytonpassfile'),
]
