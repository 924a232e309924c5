#!/usr/bin/env python3
"""Helper of instances-bench.sh (standard library only).

  instancesbench.py cycles UPSTREAM KV_URLS PIDS TIMEOUT_S 0   cycle 0 (first fetch) and cycle 1 (after /advance)
  instancesbench.py kill UPSTREAM KV_URLS PIDS TIMEOUT_S LEASE  cycle 2 with the last instance killed (-9) at 30 %
  instancesbench.py show N REPORT / show-kill REPORT            print a report
  instancesbench.py same-bytes KV_URLS                         the same feed from every instance: bytes and ETag

A cycle is over when every feed was requested at least once since its start (Upstream's this_cycle.distinct_feeds).
"""
import hashlib
import json
import os
import signal
import sys
import time
import urllib.request


def get(url, timeout=60, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.read(), dict(r.headers)


def stats(up):
    return json.loads(get(up + "/stats")[0])


def wait_cycle(up, deadline, on_progress=None):
    t0 = time.monotonic()
    while time.monotonic() < deadline:
        s = stats(up)
        c = s["this_cycle"]
        if on_progress:
            on_progress(c, s["feeds"])
        if c["distinct_feeds"] >= s["feeds"]:
            time.sleep(1.0)  # late duplicates of this cycle, if any, land in the figures
            s = stats(up)
            s["waited_s"] = round(time.monotonic() - t0, 1)
            return s
        time.sleep(0.25)
    raise SystemExit("timeout, stats %s" % json.dumps(stats(up)["this_cycle"]))


def cycles(up, timeout):
    deadline = time.monotonic() + timeout
    rep = {"cycle0": wait_cycle(up, deadline)}
    rep["advance"] = json.loads(get(up + "/advance")[0])
    rep["cycle1"] = wait_cycle(up, deadline)
    print(json.dumps(rep, indent=1))


def kill(up, pids, timeout):
    deadline = time.monotonic() + timeout
    rep = {"advance": json.loads(get(up + "/advance")[0])}
    victim = pids[-1]
    state = {}

    def progress(c, feeds):
        if "killed_at" not in state and c["distinct_feeds"] >= 0.3 * feeds:
            os.kill(victim, signal.SIGKILL)
            state["killed_at"] = time.monotonic()
            state["distinct_at_kill"] = c["distinct_feeds"]

    rep["cycle2"] = wait_cycle(up, deadline, progress)
    rep["killed_pid"] = victim
    rep["distinct_at_kill"] = state.get("distinct_at_kill")
    rep["done_after_kill_s"] = round(time.monotonic() - 1.0 - state["killed_at"], 1) if "killed_at" in state else None
    print(json.dumps(rep, indent=1))


def line(name, c):
    per_feed = c["requests"] / c["distinct_feeds"] if c["distinct_feeds"] else 0
    return (f"{name}: requests {c['requests']} for {c['distinct_feeds']} feeds ({per_feed:.4f} per feed), 200 {c['status_200']},"
            f" 304 {c['status_304']}, changed {c['changed_feeds']}, redundant full downloads {c['redundant_200']},"
            f" span {c['span_s']} s (first request {c['first_after_advance_s']} s after the cycle's start)")


def show(n, path):
    r = json.load(open(path))
    print(f"--- {n} instance(s)")
    print(line("cycle 0 (first fetch, all due at once)", r["cycle0"]["this_cycle"])
          + ("  [redundant here: revisions the earlier run downloaded; Upstream's /reset keeps that memory]" if n != "1" else ""))
    print(line("cycle 1 (after /advance, interval-driven)", r["cycle1"]["this_cycle"]))
    c = r["cycle1"]["this_cycle"]
    ok = c["requests"] == c["distinct_feeds"] == 10000 and c["redundant_200"] == 0 and c["status_200"] == c["changed_feeds"]
    print("cycle 1:", "PASS" if ok else "FAIL", "(every feed exactly once, 200 only for changed feeds, no redundant download)")


def show_kill(path):
    r = json.load(open(path))
    c = r["cycle2"]["this_cycle"]
    print(line("cycle 2 (after /advance; one instance killed -9 at %s feeds)" % r["distinct_at_kill"], c))
    print(f"   every feed fetched {r['done_after_kill_s']} s after the kill; requests beyond one per feed:"
          f" {c['requests'] - c['distinct_feeds']}")


def same_bytes(urls):
    seen = set()
    for u in urls:
        body, h = get(u + "/feeds/world.rss")
        seen.add((hashlib.sha256(body).hexdigest()[:16], h.get("ETag"), h.get("Last-Modified")))
    print("same feed from %d instances: %s" % (len(urls), "identical bytes, ETag and Last-Modified" if len(seen) == 1
                                                 else "DIFFERENT " + repr(seen)))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "cycles":
        cycles(sys.argv[2], float(sys.argv[5]))
    elif cmd == "kill":
        kill(sys.argv[2], [int(p) for p in sys.argv[4].split(",")], float(sys.argv[5]))
    elif cmd == "show":
        show(sys.argv[2], sys.argv[3])
    elif cmd == "show-kill":
        show_kill(sys.argv[2])
    elif cmd == "same-bytes":
        same_bytes(sys.argv[2].split(","))
