#!/usr/bin/env bash
# Poll-cycle benchmark (issue 3): 10,000 sources on src/bench/Upstream.java (loopback mock, 10 ms latency per request),
# one full first cycle, then GET /advance (10% of feeds gain an item) and the next, interval-driven cycle.
#
#   src/bench/poll-bench.sh            env: INTERVAL (30s) WORKERS (16) PER_HOST (= WORKERS) HEAP (512m)
#                                           JFR=1 records a flight recording; TIMEOUT (600 s for the whole run)
#                                           FIRST_ONLY=1 stops after the first cycle (a capacity run: with
#                                           INTERVAL=10m it is one burst of 10,000 full downloads)
#
# Prints upstream's /stats of both cycles (requests, 200s, 304s, redundant full downloads, span from first
# to last request), karvon's own view (/api/sources: statuses, lag of each attempt behind its planned time),
# RSS of the karvon process and a GC summary from -Xlog:gc. Everything on 127.0.0.1; both processes are
# stopped by PID at the end (and on error).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=src/bench
JAR=${JAR:-target/karvon.jar}
INTERVAL=${INTERVAL:-30s}
WORKERS=${WORKERS:-16}
PER_HOST=${PER_HOST:-$WORKERS}
HEAP=${HEAP:-512m}
TIMEOUT=${TIMEOUT:-600}
[ -f "$JAR" ] || { echo "build first: mvn -q -o package -DskipTests" >&2; exit 2; }

TMP=$(mktemp -d /tmp/karvon-pollbench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
KV_PORT=$(free_port)
KV=http://127.0.0.1:$KV_PORT
TOKEN=pollbench-$RANDOM$RANDOM
UP_PID= KV_PID=
cleanup() {
  [ -n "$KV_PID" ] && kill "$KV_PID" 2>/dev/null && wait "$KV_PID" 2>/dev/null || true
  [ -n "$UP_PID" ] && kill "$UP_PID" 2>/dev/null && wait "$UP_PID" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

# the mock builds its 10,000 feeds first (seconds to a minute), then prints its address
java -Xmx1g "$HERE/Upstream.java" --port 0 --feeds 10000 --latency-ms 10 --max-seconds "$((TIMEOUT + 300))" \
  > "$TMP/upstream.log" 2>&1 &
UP_PID=$!
for _ in $(seq 600); do grep -q '^upstream ready' "$TMP/upstream.log" && break; kill -0 "$UP_PID" 2> /dev/null || break; sleep 0.5; done
UP=$(grep -o '^upstream ready on http://127.0.0.1:[0-9]*' "$TMP/upstream.log" | grep -o 'http://.*') || { cat "$TMP/upstream.log"; exit 1; }
curl -fs "$UP/health" > /dev/null || { cat "$TMP/upstream.log"; exit 1; }
echo "upstream: $(head -1 "$TMP/upstream.log")"

python3 "$HERE/pollbench.py" config "$UP" "$TMP/feeds.yml" "$INTERVAL" "$PER_HOST" "$WORKERS"
JFR_OPT=()
[ -n "${JFR:-}" ] && JFR_OPT=("-XX:StartFlightRecording=filename=$TMP/poll.jfr,settings=profile,dumponexit=true")
KARVON_ADMIN_TOKEN=$TOKEN java "-Xmx$HEAP" "-Xlog:gc:file=$TMP/gc.log:uptime" "${JFR_OPT[@]}" -jar "$JAR" serve \
  --config "$TMP/feeds.yml" --data "$TMP/data" --port "$KV_PORT" --no-sample > "$TMP/karvon.log" 2>&1 &
KV_PID=$!
T_START=$(date +%s.%N)
for _ in $(seq 240); do curl -fs "$KV/health" > /dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$KV/health" > /dev/null || { tail -20 "$TMP/karvon.log"; exit 1; }
echo "karvon up (pid $KV_PID, -Xmx$HEAP, workers $WORKERS, per_host_concurrency $PER_HOST, interval $INTERVAL)" \
  "after $(python3 -c "import time; print(round(time.time()-$T_START,1))") s"

python3 "$HERE/pollbench.py" run "$UP" "$KV" "$TOKEN" "$KV_PID" "$TIMEOUT" > "$TMP/report.json"
jcmd "$KV_PID" GC.heap_info > "$TMP/heap.txt" 2>&1 || true
python3 - "$TMP/report.json" "$TMP/gc.log" "$TMP/heap.txt" <<'EOF'
import json, re, sys
r = json.load(open(sys.argv[1]))
def cyc(name, s):
    c = s["this_cycle"]
    print(f"{name}: requests {c['requests']}, 200 {c['status_200']}, 304 {c['status_304']}, 404 {c['status_404']},"
          f" distinct {c['distinct_feeds']}, changed {c['changed_feeds']}, changed sent 200 {c['changed_sent_200']},"
          f" redundant 200 {c['redundant_200']}, conditional {c['conditional']}, gzip {c['gzip']},"
          f" wire {c['wire_bytes']/1e6:.1f} MB, span {c['span_s']} s, first request {c['first_after_advance_s']} s after cycle start,"
          f" connections {s['connections_total']}, peak in flight {s['in_flight_peak']}")
cyc("cycle 0 (first fetch)", r["cycle0"])
print("   karvon:", r["cycle0_karvon"])
if "cycle1" not in r:  # FIRST_ONLY=1
    print("RSS MiB:", r["rss_mib"])
    sys.exit(0)
print("advance:", r["advance"], " planned next attempts after /advance:", r["planned_after_advance_s"])
cyc("cycle 1 (after /advance)", r["cycle1"])
c1 = r["cycle1_plus_1s"]
print(f"   1 s later: requests {c1['requests']}, 200 {c1['status_200']}, 304 {c1['status_304']}, redundant {c1['redundant_200']}")
print("   karvon:", r["cycle1_karvon"])
print("RSS MiB:", r["rss_mib"])
pauses = [float(m.group(2)) for m in re.finditer(r"Pause (Young|Full|Remark|Cleanup).*? (\d+\.\d+)ms", open(sys.argv[2]).read())]
full = len(re.findall(r"Pause Full", open(sys.argv[2]).read()))
if pauses:
    print(f"GC: {len(pauses)} pauses, total {sum(pauses):.0f} ms, max {max(pauses):.1f} ms, full GCs {full}")
heap = open(sys.argv[3]).read().strip().splitlines()
print("heap:", " | ".join(l.strip() for l in heap[1:3]))
c = r["cycle1"]["this_cycle"]
done = c["first_after_advance_s"] + c["span_s"]
print(f"cycle 1: all 10,000 feeds fetched {done:.1f} s after /advance (first request {c['first_after_advance_s']} s, span {c['span_s']} s)")
ok = (c["distinct_feeds"] == 10000 and c["status_200"] == c["changed_feeds"] == c["changed_sent_200"] == 1000
      and c["status_304"] == c["requests"] - 1000 and c["status_404"] == 0 and c["redundant_200"] == 0
      and c["span_s"] < 60 and done < 60)
print("RESULT:", "PASS" if ok else "FAIL", "(all 10,000 feeds in cycle 1; 200 only for the 1,000 changed, each once; every other"
      " request 304; no redundant full download; span and /advance-to-last < 60 s)")
EOF
grep -iE "WARN|ERROR" "$TMP/karvon.log" | sort | uniq -c | sort -rn | head -5 || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores); logs in $TMP (KEEP=1 keeps them)"
