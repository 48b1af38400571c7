"""Which Tryton modules this image can activate, and from which packages."""
import functools
import importlib.util
import sysconfig
from importlib.metadata import entry_points, version
from pathlib import Path

# trytond's own modules, shipped inside trytond rather than as entry points
CORE = ('ir', 'res')
# the collecting society and, through --activate-dependencies, what it needs
DEMO = ('collecting_society',)


@functools.cache
def available():
    """{module name: entry point} of the installed Tryton modules (core ones: None).

    Read once per process (a scan of every installed package's metadata,
    0.3 s when asked once per module); pip-install clears it."""
    found = {name: None for name in CORE}
    for point in entry_points(group='trytond.modules'):
        found[point.name] = point
    return found


def unknown(names):
    return sorted(set(names) - set(available()))


def package_version(name):
    """The version of the package that holds module `name` (trytond for the core)."""
    point = available().get(name)
    if point is None:
        return version('trytond')
    return point.dist.version if point.dist else '?'


def versions():
    """[(module, package version)] sorted: part of the demo template's cache key."""
    return sorted((name, package_version(name)) for name in available())


SOURCE_SUFFIXES = {'.py', '.xml', '.cfg', '.csv', '.po', '.fodt', '.odt', '.json'}


def module_root(name):
    point = available().get(name)
    if point is None:
        return None
    spec = importlib.util.find_spec(point.value)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]).resolve()


def development_files(name):
    """Source files (relative paths) of a module installed editable, e.g. from
    /ado/src: their content counts for the cache key, since their version does
    not change on edits."""
    root = module_root(name)
    if root is None or root.is_relative_to(Path(sysconfig.get_paths()['purelib']).resolve()):
        return []
    return sorted(path.relative_to(root) for path in root.rglob('*')
                  if path.is_file() and path.suffix in SOURCE_SUFFIXES
                  and not _skipped(path.relative_to(root)))


def _skipped(relative):
    """Tests and build output do not change what a database is built from."""
    return any(part in ('tests', 'build', '__pycache__') or part.endswith('.egg-info')
               or part.startswith('.') for part in relative.parts)
