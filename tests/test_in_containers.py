"""The suites that live inside the images, run where users run them
(`docker compose run --rm SERVICE ...`) against the stack's PostgreSQL:
trytond's own test suite, the module's tests, the demo scenario on a fresh
database, ado-do's tests and the portal's tests."""
import re

import pytest

from conftest import run_in

pytestmark = pytest.mark.usefixtures('stack')

SITE_PACKAGES = '/opt/venv/lib/python3.11/site-packages'


def passes(service, script, timeout=3600):
    """Runs a shell script in a new container of SERVICE; fails with its output's
    tail, also when a suite in it skipped a test (pytest or unittest said so)."""
    done = run_in(service, 'sh', '-c', script, capture_output=True, text=True,
                  timeout=timeout)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    assert_nothing_skipped(output)
    return output


def assert_nothing_skipped(output):
    skipped = re.findall(r'\b(\d+) skipped\b|skipped=(\d+)', output)
    assert not skipped, f'tests skipped inside the container:\n{output[-6000:]}'
    assert not re.search(r'\bno tests ran\b|Ran 0 tests', output), output[-6000:]


def test_trytond_own_test_suite():
    # as the original's integration tests: trytond's suite on SQLite in memory
    passes('tryton', f'cd {SITE_PACKAGES} && env -u TRYTOND_CONFIG '
                     'TRYTOND_DATABASE__URI=sqlite:// DB_NAME=:memory: '
                     'python -m unittest discover -s trytond/tests -t .')


def test_collecting_society_module_tests_on_postgresql():
    # ModuleTestCase and the scenario_*.rst doctests (unittest runs both)
    # as README.rst shows it: the image has the development packages
    output = passes('tryton', 'cd /tmp && DB_NAME=adotest_module python -m unittest '
                              'discover -s collecting_society.tests -v')
    assert 'scenario_portal_access.rst' in output


def test_demo_scenario_on_a_fresh_database():
    output = passes('tryton', '''
        set -e
        ado-do db-delete --yes adotest_scenario 2>/dev/null || true
        ado-do db-create adotest_scenario
        trap 'ado-do db-delete --yes adotest_scenario' EXIT
        trytond-admin -d adotest_scenario --all -u collecting_society \
            --activate-dependencies --email admin@example.org
        cd /ado && DB_NAME=adotest_scenario python -m doctest -v etc/scenario_master_data.txt
    ''')
    assert 'Test passed.' in output


def test_ado_do_commands():
    passes('tryton', 'pytest -q -rs -p no:cacheprovider /tests/inside/cli')


def test_ado_do_web_deploy_commands():
    # deploy-portal and deploy-api need pserve, which only the portal image has
    output = passes('portal', 'pytest -q -rs -p no:cacheprovider /tests/inside/cli -k web')
    assert re.search(r'\b[1-9]\d* passed', output), output[-3000:]


def test_portal_and_api():
    passes('portal', 'ado-do run-tests -- -q -rs -p no:cacheprovider')
