"""The suites that live inside the images and that README.rst does not show,
run where users run theirs (`docker compose run --rm SERVICE ...`) against
the stack's PostgreSQL: ado-do's own tests. trytond's suite, the module's
tests, the demo scenario and the portal's tests run as README.rst shows them,
in tests/test_readme.py."""
import re

import pytest

from conftest import assert_nothing_skipped, run_in

pytestmark = pytest.mark.usefixtures('stack')


def passes(service, script, timeout=3600):
    """Runs a shell script in a new container of SERVICE; fails with its output's
    tail, also when a suite in it skipped a test."""
    done = run_in(service, 'sh', '-c', script, capture_output=True, text=True,
                  timeout=timeout)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    assert_nothing_skipped(output)
    return output


def test_ado_do_commands():
    # the web deploy tests need hupper: they run in the portal image (below)
    passes('tryton', "pytest -q -rs -p no:cacheprovider /tests/inside/cli -k 'not web'")


def test_ado_do_web_deploy_commands():
    # deploy-portal and deploy-api need hupper, which only the portal image has
    output = passes('portal', 'pytest -q -rs -p no:cacheprovider /tests/inside/cli -k web')
    assert re.search(r'\b[1-9]\d* passed', output), output[-3000:]
