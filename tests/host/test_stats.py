"""Reading the stats API's answer under both cgroup versions. This machine runs
cgroup v1, so the v2 shape (as Docker 20.10+ sends it) is written out here;
v1 is also read from real containers in test_monitor.py."""
from ado_host.stats import cpu_percent, sample

CPU = {'cpu_usage': {'total_usage': 3_000_000_000, 'usage_in_usermode': 2_000_000_000,
                     'usage_in_kernelmode': 1_000_000_000},
       'system_cpu_usage': 400_000_000_000, 'online_cpus': 4}
PRECPU = {'cpu_usage': {'total_usage': 2_000_000_000},
          'system_cpu_usage': 396_000_000_000, 'online_cpus': 4}

V1 = {'cpu_stats': CPU, 'precpu_stats': PRECPU,
      'memory_stats': {'usage': 9, 'stats': {'rss': 100, 'cache': 200, 'total_rss': 110,
                                             'total_cache': 220}}}
V2 = {'cpu_stats': CPU, 'precpu_stats': PRECPU,
      'memory_stats': {'usage': 9, 'stats': {'anon': 300, 'file': 400, 'kernel_stack': 5}}}


def test_cgroup_v1_memory():
    now = sample(V1)
    assert (now.rss, now.cache) == (110, 220)


def test_cgroup_v2_memory():
    now = sample(V2)
    assert (now.rss, now.cache) == (300, 400)


def test_cpu_times_and_percent():
    now, before = sample(V2), sample(V2, previous=True)
    assert (now.cpu_user, now.cpu_system) == (2_000_000_000, 1_000_000_000)
    # 1 s of cpu in 4 s of the host's cpu time over 4 cpus: one cpu of four, 100 %
    assert cpu_percent(before, now) == 100.0


def test_no_earlier_reading():
    fresh = {**V1, 'precpu_stats': {'cpu_usage': {'total_usage': 0}}}
    assert cpu_percent(sample(fresh, previous=True), sample(fresh)) is None
