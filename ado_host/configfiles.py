"""Copies config files from their examples, only where the target is missing,
so a developer's own settings are never overwritten."""
import shutil

from .repositories import Outcome


def copy_configfile(example, target):
    if target.exists():
        return Outcome(True, 'exists, kept as it is')
    if not example.is_file():
        return Outcome(False, f'its example {example} is missing')
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(example, target)
    except OSError as error:
        return Outcome(False, f'cannot copy {example.name}: {error.strerror or error}')
    return Outcome(True, f'copied from {example.name}')
