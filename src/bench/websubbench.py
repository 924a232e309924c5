#!/usr/bin/env python3
"""Helper of websub-bench.sh (standard library only).

  websubbench.py receiver PORT SECRET MAX_SECONDS
      an asyncio HTTP/1.1 server on 127.0.0.1:PORT with keep-alive: GET /cb/N echoes hub.challenge (WebSub
      verification of intent), POST /cb/N records the delivery (arrival time, size, whether X-Hub-Signature is a valid
      sha256 HMAC of the body under SECRET); GET /stats returns what arrived, GET /reset forgets it. Exits after
      MAX_SECONDS whatever happens.
  websubbench.py run KARVON_URL RECEIVER_URL N CMS_TOKEN ADMIN_TOKEN KARVON_PID SECRET ROUNDS
      subscribes N callbacks to /feeds/all.atom, waits until all are active, then ROUNDS times: reads the karvon
      process's CPU time, POSTs one article to the CMS API, waits for N deliveries that carry it, reads CPU time again.
      Prints one JSON report.
"""
import asyncio
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


# ---------------------------------------------------------------- receiver

class Receiver:
    def __init__(self, secret):
        self.secret = secret.encode()
        self.reset()

    def reset(self):
        self.deliveries = []          # (time, callback, bytes, signature ok, marker seen)
        self.verifications = 0
        self.marker = None

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = b""
                n = int(headers.get("content-length", "0"))
                if n:
                    body = await reader.readexactly(n)
                status, out = self.route(method, target, headers, body)
                writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n"
                             % (status, len(out)) + out)
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    def route(self, method, target, headers, body):
        path, _, query = target.partition("?")
        q = urllib.parse.parse_qs(query)
        if path == "/stats":
            return 200, json.dumps(self.stats()).encode()
        if path == "/reset":
            self.reset()
            self.marker = q.get("marker", [None])[0]
            return 200, b"ok"
        if not path.startswith("/cb/"):
            return 404, b""
        if method == "GET":
            self.verifications += 1
            return 200, q.get("hub.challenge", [""])[0].encode()
        sig = headers.get("x-hub-signature", "")
        good = sig == "sha256=" + hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        marked = self.marker is not None and self.marker.encode() in body
        self.deliveries.append((time.time(), path, len(body), good, marked))
        return 200, b""

    def stats(self):
        d = self.deliveries
        marked = [x for x in d if x[4]]
        return {
            "verifications": self.verifications,
            "deliveries": len(d),
            "marked": len(marked),
            "distinct_marked": len({x[1] for x in marked}),
            "bad_signatures": sum(1 for x in d if not x[3]),
            "first": min((x[0] for x in marked), default=None),
            "last": max((x[0] for x in marked), default=None),
            "bytes": sum(x[2] for x in marked),
        }


def receiver(port, secret, max_seconds):
    r = Receiver(secret)

    async def main():
        server = await asyncio.start_server(r.handle, "127.0.0.1", port, backlog=1024)
        async with server:
            await asyncio.sleep(max_seconds)

    asyncio.run(main())


# ---------------------------------------------------------------- driver

def request(url, data=None, headers=None, timeout=60):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(kv, rcv, n, cms, admin, pid, secret, rounds):
    topic = kv + "/feeds/all.atom"
    form = lambda i: urllib.parse.urlencode({"hub.callback": f"{rcv}/cb/{i}", "hub.mode": "subscribe",
                                              "hub.topic": topic, "hub.secret": secret}).encode()
    def subscribe(i):
        for attempt in range(20):   # a busy hub answers 503: try again, as a subscriber would
            code = request(kv + "/websub", form(i), {"Content-Type": "application/x-www-form-urlencoded"})[0]
            if code != 503:
                return code
            time.sleep(0.5 * (attempt + 1))
        return code

    t = time.time()
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(subscribe, range(n)))
    if codes.count(202) != n:
        raise SystemExit(f"subscribe: {n - codes.count(202)} requests not accepted: {sorted(set(codes))}")
    while True:
        _, body = request(kv + "/api/websub", headers={"Authorization": "Bearer " + admin})
        active = json.loads(body)["counts"]["subscriptions"]["active"]
        if active >= n:
            break
        if time.time() - t > 300:
            raise SystemExit(f"only {active} of {n} subscriptions verified after 300 s")
        time.sleep(0.2)
    report = {"subscribers": n, "subscribe_and_verify_s": round(time.time() - t, 2), "rounds": []}
    time.sleep(2)   # let the verifications' bookkeeping settle before measuring
    for r in range(rounds):
        marker = f"websub-bench-{r}-{int(time.time() * 1000)}"
        request(f"{rcv}/reset?marker={marker}")
        cpu0 = cpu_seconds(pid)
        t0 = time.time()
        body = json.dumps({"id": marker, "lang": "en", "translation_key": marker, "slug": marker,
                           "title": f"Benchmark story {marker}", "summary": "One article, a thousand subscribers.",
                           "body_html": "<p>" + "The new bridge over the Anhor canal. " * 40 + "</p>"}).encode()
        code, _ = request(kv + "/api/articles", body, {"Content-Type": "application/json", "Authorization": "Bearer " + cms})
        t_posted = time.time()
        if code != 201:
            raise SystemExit(f"CMS POST answered {code}")
        while True:
            s = json.loads(request(rcv + "/stats")[1])
            if s["distinct_marked"] >= n or time.time() - t0 > 120:
                break
            time.sleep(0.01)
        cpu1 = cpu_seconds(pid)
        report["rounds"].append({
            "cms_post_ms": round((t_posted - t0) * 1000, 1),
            "first_delivery_ms": round((s["first"] - t0) * 1000, 1) if s["first"] else None,
            "last_delivery_ms": round((s["last"] - t0) * 1000, 1) if s["last"] else None,
            "delivered": s["distinct_marked"], "deliveries": s["marked"], "bad_signatures": s["bad_signatures"],
            "mean_body_kib": round(s["bytes"] / max(1, s["marked"]) / 1024, 1),
            "karvon_cpu_s": round(cpu1 - cpu0, 2),
        })
        time.sleep(1)
    _, body = request(kv + "/api/websub", headers={"Authorization": "Bearer " + admin})
    report["hub_counts"] = json.loads(body)["counts"]
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    if sys.argv[1] == "receiver":
        receiver(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
    else:
        run(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6], int(sys.argv[7]), sys.argv[8],
            int(sys.argv[9]))
