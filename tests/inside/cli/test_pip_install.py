"""pip-install: installs the development packages once per requirements content."""
import sys
from pathlib import Path

from conftest import ado_do, err_lines


def test_unchanged_requirements_are_skipped(installed):
    done = ado_do('pip-install', 'tryton')
    assert done.returncode == 0
    assert err_lines(done) == ['requirements-tryton.txt unchanged since the last install, skipped']


def test_changed_requirements_reinstall(installed):
    flag = Path(sys.prefix) / '.ado-pip-install-tryton.sha256'
    assert flag.is_file()
    flag.write_text('an older content hash\n')
    done = ado_do('pip-install', 'tryton')
    assert done.returncode == 0, err_lines(done)
    assert 'installing' in done.stderr.decode()
    assert flag.read_text().strip() != 'an older content hash'


def test_included_files_count_for_the_hash(tmp_path):
    from ado_do import pipinstall
    base = tmp_path / 'base.txt'
    top = tmp_path / 'top.txt'
    base.write_text('one\n')
    top.write_text('-r base.txt\n-e /somewhere\n')
    first = pipinstall.content_hash(top)
    base.write_text('two\n')
    assert pipinstall.content_hash(top) != first


def test_setup_files_of_editable_packages_count_for_the_hash(tmp_path):
    """A changed setup.py (new entry points, packages) re-installs too."""
    from ado_do import pipinstall
    package = tmp_path / 'package'
    package.mkdir()
    (package / 'setup.py').write_text('setup(name="one")\n')
    top = tmp_path / 'requirements-x.txt'
    top.write_text(f'-e {package}\n')
    first = pipinstall.content_hash(top)
    (package / 'module.py').write_text('x = 1\n')  # sources do not count
    assert pipinstall.content_hash(top) == first
    (package / 'setup.py').write_text('setup(name="two")\n')
    assert pipinstall.content_hash(top) != first


def test_the_image_installed_the_packages_ado_do_keeps_them_current():
    """The image's build installed the tryton packages (a marker with the
    current key), so a fresh container imports them without installing."""
    from ado_do import modules, pipinstall
    assert 'tryton' in pipinstall.installed_services()
    assert pipinstall.is_current('tryton')
    assert 'collecting_society' in modules.available()
