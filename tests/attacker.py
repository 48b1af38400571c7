"""The attacker: sends requests from a container of its own on the stack's
network, so that its address differs from the tests' (the host's), as a
real attacker's differs from alice's. Only the standard library: it runs in
any of the stack's images.

    python3 attacker.py < spec.json
    spec.json: {"requests": [{"url": ..., "method": ..., "headers": {...}, "body": "..."}],
                "count": 300, "concurrency": 8, "rate": 50}

sends `count` requests (cycling through `requests`), at most `rate` per
second when given, for at most `seconds` when given, and prints
{"statuses": {"401": n, ...}, "seconds": s, "retry_after": [...],
"bodies": [first few bodies]} as JSON.
"""
import collections
import json
import sys
import threading
import time
import urllib.error
import urllib.request


def send(spec):
    body = spec.get('body')
    request = urllib.request.Request(
        spec['url'], method=spec.get('method', 'GET'), headers=spec.get('headers', {}),
        data=body.encode() if isinstance(body, str) else None)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, dict(reply.headers), reply.read(2000)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read(2000)
    except OSError as error:
        return f'error: {error}', {}, b''


def main(spec):
    requests, count = spec['requests'], spec['count']
    interval = 1 / spec['rate'] if spec.get('rate') else 0
    statuses, retry_after, bodies = collections.Counter(), [], []
    lock, started = threading.Lock(), time.monotonic()
    next_index = iter(range(count))

    # with "seconds", the attack ends then, however many were sent
    ends = started + spec['seconds'] if spec.get('seconds') else None

    def worker():
        for index in next_index:
            if ends and time.monotonic() > ends:
                break
            if interval:
                # keep to the rate: request i goes out at started + i * interval
                delay = started + index * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            status, headers, body = send(requests[index % len(requests)])
            with lock:
                statuses[str(status)] += 1
                if 'Retry-After' in headers:
                    retry_after.append(headers['Retry-After'])
                if len(bodies) < 3:
                    bodies.append(body.decode('utf-8', 'replace'))

    threads = [threading.Thread(target=worker) for _ in range(spec.get('concurrency', 4))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({'statuses': statuses, 'seconds': time.monotonic() - started,
                      'retry_after': retry_after[:5], 'bodies': bodies}))


if __name__ == '__main__':
    # on stdin: a body may be larger than a command line's argument
    main(json.load(sys.stdin))
