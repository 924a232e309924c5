#!/usr/bin/env python3
"""Load driver for src/bench/archive-bench.sh: what requests cost under a steady CMS write load.

Usage: archivebench.py BASE_URL --token T --pid SERVER_PID [--phase-seconds S] [--writes-per-second W] [--out F]

A writer thread sends W CMS writes a second for the whole run, alternating a new article (round-robin over five
languages) and a correction of a random existing article (old or new), so feeds, pages and sitemap files of the
whole archive are invalidated, not only the newest. The main thread then runs one phase per kind of request,
one request at a time (Accept-Encoding: gzip, like feed readers), each for S seconds:

  writes-only       no reads: the server's CPU for the writes alone (subtracted from every other phase)
  feed-cached       GET a language feed that is in the render cache (X-Cache: HIT)
  feed-invalidated  right after a write, GET the feed of that article's language (X-Cache: MISS)
  feed-archive      a page deep in the archive (?before= a random old article): read from the store, rendered
  page-old          the page of a random article from the oldest sitemap file
  page-new          the page of a random article from the newest sitemap file
  sitemap-index     /sitemap.xml
  sitemap-file      a random full /sitemap-N.xml (10,000 URLs with their alternates)
  sitemap-news      /sitemap-news.xml (invalidated by every write)

For each: count, p50/p99/max latency in ms, and the server's CPU per request in ms (utime+stime of SERVER_PID
during the phase, minus the writes-only rate), which is steadier than latency on a shared machine. Stdlib only.
"""
import argparse
import calendar
import http.client
import json
import os
import random
import re
import threading
import time
import urllib.parse

LANGS = ["uz-Latn", "ru", "en", "zh-Hans", "ar"]
FEED_OF = {"uz-Latn": "uz", "ru": "ru", "en": "en", "zh-Hans": "zh", "ar": "ar"}
TICK = os.sysconf("SC_CLK_TCK")


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                t0 = time.perf_counter()
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                data = r.read()
                return r.status, dict(r.getheaders()), data, (time.perf_counter() - t0) * 1000
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    return round(xs[min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))], 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--token", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--phase-seconds", type=float, default=15)
    ap.add_argument("--writes-per-second", type=float, default=5)
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    c = Client(a.base)
    gz = {"Accept-Encoding": "gzip"}

    _, _, body, _ = c.request("GET", "/sitemap.xml")
    files = [urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", body.decode())
             if re.search(r"/sitemap-\d+\.xml$", u)]

    def urls_in(path):
        _, _, b, _ = c.request("GET", path)
        return [(urllib.parse.urlsplit(u).path, m) for u, m in
                re.findall(r"<url><loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>", b.decode())]

    # gen-articles.py writes newest first, so seq 1 holds the newest stories and the last files the oldest; the
    # very last file also holds what earlier runs wrote (bench-write-…), which is left out
    generated = re.compile(r"/[^/]+/articles/.+-bench-\d+$")
    newest = [u for u in urls_in(files[0]) if generated.match(u[0])]
    tail = [u for f in files[-2:] for u in urls_in(f) if generated.match(u[0])]
    oldest = sorted(tail, key=lambda u: u[1])[:2000]
    full_files = files[:-1] if len(files) > 1 else files
    old_times = [m for _, m in oldest]
    known = [u for u, _ in newest + oldest]

    writes = {"n": 0, "lat": [], "errors": []}
    pending = []
    lock = threading.Lock()
    stop = threading.Event()

    def correction(n):
        path = rnd.choice(known)
        m = re.match(r"/([^/]+)/articles/((.+)-bench-(\d+))$", urllib.parse.unquote(path))
        lang, slug, i = m.group(1), m.group(2), m.group(4)
        return {"id": f"kaa-bench-{i}-{lang.lower()}", "lang": lang, "translation_key": f"kaa-bench-{i}", "slug": slug,
                "title": f"Corrected under load {n}", "summary": "Corrected.", "body_html": "<p>Corrected.</p>",
                "categories": ["economy"], "tags": ["bench"], "correction_note": "benchmark correction"}

    def writer():
        w = Client(a.base)
        period = 1.0 / a.writes_per_second
        next_at = time.monotonic()
        while not stop.is_set():
            n = writes["n"] = writes["n"] + 1
            if n % 2:
                lang = LANGS[(n // 2) % len(LANGS)]
                stamp = f"{int(time.time())}-{n}"
                art = {"id": f"bench-write-{stamp}", "lang": lang, "translation_key": f"bench-write-{stamp}",
                       "slug": f"bench-write-{stamp}", "title": f"Benchmark write {n}", "summary": f"Number {n}.",
                       "body_html": f"<p>Written under load, number {n}.</p>", "categories": ["economy"], "tags": ["bench"]}
            else:
                art = correction(n)
                lang = art["lang"]
            try:
                st, _, b, ms = w.request("POST", "/api/articles", json.dumps(art).encode(),
                                         {"Authorization": "Bearer " + a.token, "Content-Type": "application/json"})
                if st not in (200, 201):
                    writes["errors"].append(f"POST {st} {b[:200]!r}")
                writes["lat"].append(ms)
                with lock:
                    pending.append(lang)
            except Exception as e:  # noqa: BLE001 - reported at the end
                writes["errors"].append(f"POST {e}")
            next_at += period
            stop.wait(max(0.0, next_at - time.monotonic()))

    def take_pending():
        with lock:
            out = list(pending)
            pending.clear()
            return out

    def one(kind):
        """One request of this kind: (latency ms, counted) or None when it is not what the phase measures."""
        if kind == "feed-cached":
            st, h, _, ms = c.request("GET", f"/feeds/{rnd.choice(list(FEED_OF.values()))}.rss", headers=gz)
            return st, ms, h.get("X-Cache") == "HIT"
        if kind == "feed-invalidated":
            langs = take_pending()
            if not langs:
                time.sleep(0.005)
                return None
            st, h, _, ms = c.request("GET", f"/feeds/{FEED_OF[langs[-1]]}.rss", headers=gz)
            return st, ms, h.get("X-Cache") == "MISS"
        if kind == "feed-archive":
            when = rnd.choice(old_times)
            cursor = calendar.timegm(time.strptime(when[:19], "%Y-%m-%dT%H:%M:%S")) * 1000
            st, h, _, ms = c.request("GET", f"/feeds/{rnd.choice(['en', 'ru', 'uz', 'all'])}.atom?before={cursor}-a-x",
                                     headers=gz)
            return st, ms, True
        if kind in ("page-old", "page-new"):
            st, _, _, ms = c.request("GET", rnd.choice(oldest if kind == "page-old" else newest)[0], headers=gz)
            return st, ms, True
        if kind == "sitemap-index":
            st, _, _, ms = c.request("GET", "/sitemap.xml", headers=gz)
            return st, ms, True
        if kind == "sitemap-file":
            st, h, _, ms = c.request("GET", rnd.choice(full_files), headers=gz)
            return st, ms, True
        if kind == "sitemap-news":
            st, _, _, ms = c.request("GET", "/sitemap-news.xml", headers=gz)
            return st, ms, True
        raise ValueError(kind)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    phases = ["writes-only", "feed-cached", "feed-invalidated", "feed-archive", "page-old", "page-new",
              "sitemap-index", "sitemap-file", "sitemap-news"]
    cases = {}
    base_rate = 0.0
    errors = []
    for kind in phases:
        take_pending()
        lat = []
        requests = 0
        t0, cpu0 = time.monotonic(), cpu_seconds(a.pid)
        while time.monotonic() - t0 < a.phase_seconds:
            if kind == "writes-only":
                time.sleep(0.05)
                continue
            r = one(kind)
            if r is None:
                continue
            st, ms, counted = r
            requests += 1
            if st == 429:
                raise SystemExit("archivebench: rate limited (429); lift server.public_requests_per_minute")
            if st != 200:
                errors.append(f"{kind}: status {st}")
            if counted:
                lat.append(ms)
        secs, cpu = time.monotonic() - t0, cpu_seconds(a.pid) - cpu0
        if kind == "writes-only":
            base_rate = cpu / secs
            cases[kind] = {"server_cpu_s_per_s": round(base_rate, 3)}
            continue
        cases[kind] = {"n": len(lat), "p50": percentile(lat, 50), "p99": percentile(lat, 99),
                       "max": round(max(lat), 2) if lat else None,
                       "cpu_ms_per_request": round(max(0.0, cpu - base_rate * secs) * 1000 / max(requests, 1), 2)}
        print(kind, json.dumps(cases[kind]), flush=True)
    stop.set()
    t.join(5)
    cases["cms-write"] = {"n": len(writes["lat"]), "p50": percentile(writes["lat"], 50),
                          "p99": percentile(writes["lat"], 99)}
    out = {"phase_seconds": a.phase_seconds, "writes": writes["n"], "sitemap_files": len(files),
           "errors": (errors + writes["errors"])[:20], "cases": cases}
    text = json.dumps(out, indent=2)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
