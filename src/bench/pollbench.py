#!/usr/bin/env python3
"""Helper of poll-bench.sh (standard library only).

  pollbench.py config UPSTREAM_URL OUT_YML INTERVAL PER_HOST WORKERS
      turns Upstream.java's /feeds.yml (a sources: list) into a karvon feeds.yml (all sources, one feed mixing them in)
  pollbench.py run UPSTREAM_URL KARVON_URL TOKEN KARVON_PID TIMEOUT_S
      waits for the first cycle (every feed fetched once), GET /advance, waits for the next cycle and
      prints one JSON report: upstream /stats of both cycles, karvon's /api/sources view (statuses,
      scheduling lag = actual attempt - planned next_attempt), RSS samples of the karvon process.
"""
import json
import os
import sys
import threading
import time
import urllib.request
from datetime import datetime


def get(url, token=None, timeout=60):
    req = urllib.request.Request(url)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.read()


def stats(up):
    return json.loads(get(up + "/stats"))


def sources(kv, token):
    return {s["id"]: s for s in json.loads(get(kv + "/api/sources", token, timeout=120))["sources"]}


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() if s else None


def rss_kib(pid):
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0])
    return out


def config(up, out, interval, per_host, workers):
    text = get(up + "/feeds.yml").decode()
    ids, urls = [], []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- id:"):
            ids.append(line.split(":", 1)[1].strip())
        elif line.startswith("url:"):
            urls.append(line.split(":", 1)[1].strip())
    assert len(ids) == len(urls) and ids, "unexpected /feeds.yml"
    lines = [
        "site:",
        "  title: Karvon poll benchmark",
        "security:",
        "  admin_token: {env: KARVON_ADMIN_TOKEN}",
        "ingest:",
        "  default_interval: %s" % interval,
        "  per_host_concurrency: %d" % per_host,
        "  workers: %d" % workers,
        "  fetch_timeout: 60s",
        "feeds:",
        "  - id: world",
        "    title: Everything polled",
        "    language: all",
        "    articles: false",
        "    sources: [%s]" % ", ".join(ids),
        "sources:",
    ]
    for i, u in zip(ids, urls):
        lines.append("  - id: %s\n    url: %s" % (i, u))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("%d sources -> %s" % (len(ids), out))


def run(up, kv, token, pid, timeout):
    rep = {"rss_samples_kib": []}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                rep["rss_samples_kib"].append(rss_kib(pid)["VmRSS"])
            except OSError:
                return
            stop.wait(1.0)

    threading.Thread(target=sample, daemon=True).start()
    deadline = time.monotonic() + timeout
    t_wait = time.monotonic()

    def wait_cycle(label):
        t0 = time.monotonic()
        while time.monotonic() < deadline:
            s = stats(up)
            c = s["this_cycle"]
            if c["distinct_feeds"] >= s["feeds"]:
                print("%s: all %d feeds fetched, %.1f s after start of waiting" % (label, s["feeds"], time.monotonic() - t0),
                      file=sys.stderr, flush=True)
                return s
            time.sleep(0.25)
        raise SystemExit("%s: timeout, stats %s" % (label, json.dumps(stats(up)["this_cycle"])))

    rep["cycle0"] = wait_cycle("cycle 0 (first fetch)")
    src0 = sources(kv, token)
    rep["cycle0_karvon"] = {
        "http_status": count(s.get("http_status") for s in src0.values()),
        "status": count(s.get("status") for s in src0.values()),
    }
    if os.environ.get("FIRST_ONLY"):
        # capacity run: with a long interval the first cycle is one burst of 10,000 full downloads
        rep["cycle0_done_s"] = round(time.monotonic() - t_wait, 2)
        finish(rep, stop, pid)
        return
    rep["advance"] = json.loads(get(up + "/advance"))
    t_adv = time.time()
    # planned times, taken right after /advance (before any of them is due: interval >= 54 s after cycle 0)
    planned = {k: ts(s.get("next_attempt")) for k, s in sources(kv, token).items()}
    rep["planned_after_advance_s"] = {
        "min": round(min(planned.values()) - t_adv, 2), "max": round(max(planned.values()) - t_adv, 2)}
    rep["cycle1"] = wait_cycle("cycle 1 (after /advance)")
    time.sleep(1.0)
    rep["cycle1_plus_1s"] = stats(up)["this_cycle"]
    src1 = sources(kv, token)
    # lag of an attempt behind its planned time; a source already fetched a second time in this window
    # (last_attempt a whole interval after the plan) says nothing about the first attempt and is left out
    interval = min(ts(s["next_attempt"]) - ts(s["last_attempt"]) for s in src1.values() if s.get("next_attempt"))
    lags = sorted(ts(s["last_attempt"]) - planned[k] for k, s in src1.items()
                  if s.get("last_attempt") and planned.get(k) and planned[k] - 1 <= ts(s["last_attempt"]) < planned[k] + interval)
    rep["cycle1_karvon"] = {
        "http_status": count(s.get("http_status") for s in src1.values()),
        "status": count(s.get("status") for s in src1.values()),
        "new_items_last_fetch_total": sum(s.get("new_items_last_fetch") or 0 for s in src1.values()),
        "lag_s": {"n": len(lags), "p50": round(lags[len(lags) // 2], 3), "p99": round(lags[int(len(lags) * 0.99)], 3),
                  "max": round(lags[-1], 3)} if lags else None,
    }
    finish(rep, stop, pid)


def finish(rep, stop, pid):
    stop.set()
    r = rep["rss_samples_kib"]
    rep["rss_mib"] = {"max": round(max(r) / 1024), "last": round(r[-1] / 1024), "hwm": round(rss_kib(pid)["VmHWM"] / 1024)}
    del rep["rss_samples_kib"]
    print(json.dumps(rep, indent=1))


def count(values):
    out = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return out


if __name__ == "__main__":
    if sys.argv[1] == "config":
        config(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
    else:
        run(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6]))
