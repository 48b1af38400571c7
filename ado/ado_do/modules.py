"""Which Tryton modules this image can activate, and from which packages."""
import importlib.util
import sysconfig
from importlib.metadata import entry_points, version
from pathlib import Path

# trytond's own modules, shipped inside trytond rather than as entry points
CORE = ('ir', 'res')
# the collecting society and, through --activate-dependencies, what it needs
DEMO = ('collecting_society',)


def available():
    """{module name: entry point} of the installed Tryton modules (core ones: None)."""
    found = {name: None for name in CORE}
    for point in entry_points(group='trytond.modules'):
        found[point.name] = point
    return found


def unknown(names):
    return sorted(set(names) - set(available()))


def versions():
    """[(module, package version)] sorted: part of the demo template's cache key."""
    result = [(name, version('trytond')) for name in CORE]
    for name, point in available().items():
        if point is not None:
            result.append((name, point.dist.version if point.dist else '?'))
    return sorted(result)


def development_files(name):
    """Source files of a module installed from /ado/src (editable): their content
    counts for the cache key, since their version does not change on edits."""
    point = available().get(name)
    if point is None:
        return []
    spec = importlib.util.find_spec(point.value)
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(list(spec.submodule_search_locations)[0]).resolve()
    if root.is_relative_to(Path(sysconfig.get_paths()['purelib']).resolve()):
        return []
    return sorted(path for path in root.rglob('*')
                  if path.is_file() and '__pycache__' not in path.parts
                  and path.suffix not in ('.pyc', '.pyo'))
