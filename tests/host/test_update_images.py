"""./update's Docker step (base image and wheelhouse; --no-build skips only
the image build) after the repositories, and what to do next."""
import docker

from ado_host import images

from .conftest import COMPOSE_UP, run_script, write_config


def image_ids():
    return {image.id for image in docker.from_env().images.list()}


def test_no_build_makes_the_wheelhouse_ready_and_builds_nothing(tmp_path):
    config = write_config(tmp_path, [(None, None, 'data')])
    before = image_ids()
    done = run_script('update', '--no-build', '--config', config, timeout=1800)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / 'data').is_dir()
    # the wheelhouse is stamped with the current requirements' hash
    stamp = images.WHEELS / '.requirements-hash'
    assert stamp.read_text() == images._requirements_hash()
    assert 'building the images' not in done.stderr
    assert image_ids() <= before, 'an image was built despite --no-build'
    assert COMPOSE_UP.search(done.stdout)


def test_failures_are_summarised_after_the_docker_step(tmp_path):
    """The image step still runs, and the summary comes last, where it is seen."""
    config = write_config(tmp_path, [('file:///nonexistent/ado-test.git', None, 'src/x')])
    done = run_script('update', '--no-build', '--config', config, timeout=1800)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith('  src/x: clone failed')
    assert not COMPOSE_UP.search(done.stdout)


def test_docker_unreachable_is_in_the_summary(tmp_path):
    """The repositories are done first; a Docker failure is named at the end."""
    config = write_config(tmp_path, [(None, None, 'data')])
    done = run_script('update', '--no-build', '--config', config,
                      env={'DOCKER_HOST': 'unix:///nonexistent/docker.sock'}, timeout=600)
    assert done.returncode == 1
    assert (tmp_path / 'data').is_dir()
    assert done.stderr.strip().splitlines()[-1].startswith('  docker images:')
