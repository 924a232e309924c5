#!/usr/bin/env python3
"""Load driver for src/bench/archive-bench.sh: request latencies under a steady CMS write load.

Usage: archivebench.py BASE_URL --token T [--seconds S] [--writes-per-second W] [--out FILE.json]

One thread POSTs new articles through the CMS API at W writes a second, round-robin over five languages.
The main thread measures, one request at a time (Accept-Encoding: gzip, like feed readers):
  feed-cached       a feed page served from the render cache (X-Cache: HIT)
  feed-invalidated  the first GET of a language's feed right after a write to that language (X-Cache: MISS)
  feed-archive      a page deep in the archive (?before= cursor at a random old article), rendered fresh
  page-old          the page of a random article from the oldest sitemap file
  page-new          the page of a random article from the newest sitemap file
  sitemap-index     /sitemap.xml
  sitemap-file-cached, sitemap-file-rendered   a random /sitemap-N.xml, served from the cache or made now
  sitemap-news      /sitemap-news.xml
and prints p50/p99/max in milliseconds per case as JSON. Stdlib only.
"""
import argparse
import calendar
import http.client
import json
import random
import re
import threading
import time
import urllib.parse

LANGS = ["uz-Latn", "ru", "en", "zh-Hans", "ar"]
FEED_OF = {"uz-Latn": "uz", "ru": "ru", "en": "en", "zh-Hans": "zh", "ar": "ar"}


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
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


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))
    return round(xs[k], 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--token", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--writes-per-second", type=float, default=5)
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    c = Client(a.base)
    gz = {"Accept-Encoding": "gzip"}

    # what to ask for: sitemap files, old and new article pages
    st, _, body, _ = c.request("GET", "/sitemap.xml")
    files = [urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", body.decode())
             if re.search(r"/sitemap-\d+\.xml$", u)]
    first_file, last_file = files[0], files[-1]

    def urls_in(path):
        _, _, b, _ = c.request("GET", path)
        t = b.decode()
        locs = re.findall(r"<url><loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>", t)
        return [(urllib.parse.urlsplit(u).path, m) for u, m in locs]

    newest = urls_in(first_file)      # import order is newest first: seq 1 holds the newest stories
    oldest = urls_in(last_file) or urls_in(files[-2])
    old_times = [m for _, m in oldest]

    lat = {k: [] for k in ["feed-cached", "feed-invalidated", "feed-archive", "page-old", "page-new",
                           "sitemap-index", "sitemap-file-cached", "sitemap-file-rendered", "sitemap-news", "cms-write"]}
    pending = []          # languages written to, whose feed the measuring loop reads next
    lock = threading.Lock()
    stop = threading.Event()
    errors = []

    def writer():
        w = Client(a.base)
        n = 0
        period = 1.0 / a.writes_per_second
        next_at = time.monotonic()
        while not stop.is_set():
            lang = LANGS[n % len(LANGS)]
            n += 1
            art = {"id": f"bench-write-{int(time.time())}-{n}-{lang.lower()}", "lang": lang,
                   "translation_key": f"bench-write-{int(time.time())}-{n}", "slug": f"bench-write-{int(time.time())}-{n}",
                   "title": f"Benchmark write {n}", "summary": f"Written under load, number {n}.",
                   "body_html": f"<p>Written under load, number {n}.</p>", "categories": ["economy"], "tags": ["bench"]}
            try:
                st, _, b, ms = w.request("POST", "/api/articles", json.dumps(art).encode(),
                                         {"Authorization": "Bearer " + a.token, "Content-Type": "application/json"})
                if st not in (200, 201):
                    errors.append(f"POST {st} {b[:200]!r}")
                lat["cms-write"].append(ms)
                with lock:
                    pending.append(lang)
            except Exception as e:  # noqa: BLE001 - reported at the end
                errors.append(f"POST {e}")
            next_at += period
            stop.wait(max(0.0, next_at - time.monotonic()))

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    end = time.monotonic() + a.seconds
    i = 0
    while time.monotonic() < end:
        i += 1
        with lock:
            lang = pending.pop(0) if pending else None
        if lang:
            st, h, _, ms = c.request("GET", f"/feeds/{FEED_OF[lang]}.rss", headers=gz)
            lat["feed-invalidated" if h.get("X-Cache") == "MISS" else "feed-cached"].append(ms)
            continue
        kind = i % 8
        if kind in (0, 1):
            st, h, _, ms = c.request("GET", f"/feeds/{rnd.choice(list(FEED_OF.values()))}.rss", headers=gz)
            lat["feed-cached" if h.get("X-Cache") == "HIT" else "feed-invalidated"].append(ms)
        elif kind == 2:
            when = rnd.choice(old_times)
            ms_epoch = calendar.timegm(time.strptime(when[:19], "%Y-%m-%dT%H:%M:%S")) * 1000
            feed = rnd.choice(["en", "ru", "uz", "all"])
            st, h, _, ms = c.request("GET", f"/feeds/{feed}.atom?before={ms_epoch}-a-x", headers=gz)
            lat["feed-archive"].append(ms)
        elif kind == 3:
            st, _, _, ms = c.request("GET", rnd.choice(oldest)[0], headers=gz)
            lat["page-old"].append(ms)
        elif kind == 4:
            st, _, _, ms = c.request("GET", rnd.choice(newest)[0], headers=gz)
            lat["page-new"].append(ms)
        elif kind == 5:
            st, _, _, ms = c.request("GET", "/sitemap.xml", headers=gz)
            lat["sitemap-index"].append(ms)
        elif kind == 6:
            st, h, _, ms = c.request("GET", rnd.choice(files), headers=gz)
            lat["sitemap-file-cached" if h.get("X-Cache") == "HIT" else "sitemap-file-rendered"].append(ms)
        else:
            st, _, _, ms = c.request("GET", "/sitemap-news.xml", headers=gz)
            lat["sitemap-news"].append(ms)
        if st != 200:
            errors.append(f"GET status {st}")
    stop.set()
    t.join(5)
    out = {"seconds": a.seconds, "writes": len(lat["cms-write"]), "sitemap_files": len(files), "errors": errors[:20],
           "cases": {k: {"n": len(v), "p50": percentile(v, 50), "p99": percentile(v, 99),
                         "max": round(max(v), 2) if v else None} for k, v in lat.items()}}
    text = json.dumps(out, indent=2)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
