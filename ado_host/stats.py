"""One container's cpu and memory figures from the Docker stats API, the same
under cgroup v1 and cgroup v2 (the API names memory differently in each)."""
from dataclasses import dataclass

NANOSECONDS = 1e9


@dataclass(frozen=True)
class Sample:
    cpu_total: int      # ns of cpu time, all cpus
    cpu_user: int       # ns
    cpu_system: int     # ns
    system_total: int   # ns of the host's cpu time, all cpus (for cpu %)
    online_cpus: int
    rss: int            # bytes: anonymous memory
    cache: int          # bytes: page cache


def _memory(memory_stats):
    """(rss, cache): cgroup v1 reports rss/cache, cgroup v2 anon/file."""
    stats = memory_stats.get('stats') or {}
    if 'rss' in stats or 'total_rss' in stats:
        return (stats.get('total_rss', stats.get('rss', 0)),
                stats.get('total_cache', stats.get('cache', 0)))
    return stats.get('anon', 0), stats.get('file', 0)


def sample(stats, previous=False):
    """A Sample from one stats API answer; previous=True: from its precpu_stats,
    the daemon's reading a second earlier (cpu only)."""
    cpu = stats.get('precpu_stats' if previous else 'cpu_stats') or {}
    usage = cpu.get('cpu_usage') or {}
    online = cpu.get('online_cpus') or len(usage.get('percpu_usage') or []) or 1
    rss, cache = _memory(stats.get('memory_stats') or {})
    return Sample(cpu_total=usage.get('total_usage', 0),
                  cpu_user=usage.get('usage_in_usermode', 0),
                  cpu_system=usage.get('usage_in_kernelmode', 0),
                  system_total=cpu.get('system_cpu_usage', 0),
                  online_cpus=online, rss=rss, cache=cache)


def cpu_percent(before, after):
    """docker stats' figure: share of the host's cpu time, 100 % per cpu."""
    if not before.system_total:
        return None  # no earlier reading yet: the container has just started
    system = after.system_total - before.system_total
    used = after.cpu_total - before.cpu_total
    if system <= 0 or used < 0:
        return 0.0
    return used / system * after.online_cpus * 100


def seconds(nanoseconds):
    return nanoseconds / NANOSECONDS
