#!/usr/bin/env bash
# WebSub fan-out benchmark (issue 15): N subscribers (default 1,000) on loopback callbacks subscribe to one feed of
# the built-in hub; then one article is POSTed to the CMS API, ROUNDS times. Measured: time from the CMS POST to
# the last subscriber's delivery carrying that article, and karvon's CPU time (user + system, /proc) over that span.
#
#   src/bench/websub-bench.sh        env: N (1000) ROUNDS (3) WORKERS (16) PER_HOST (= WORKERS) HEAP (512m)
#                                       LIMIT (50: items in the feed, so about 137 KiB with the sample stories)
#                                       JFR=1 records a flight recording (kept with KEEP=1)
#
# Every callback is on 127.0.0.1, one host, so websub.delivery_per_host is raised to the worker count here (in real
# life subscribers are many hosts). The receiver (src/bench/websubbench.py, asyncio) checks every X-Hub-Signature.
# Everything listens on 127.0.0.1; both processes are stopped by PID at the end (and on error).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=src/bench
JAR=${JAR:-target/karvon.jar}
N=${N:-1000}
ROUNDS=${ROUNDS:-3}
WORKERS=${WORKERS:-16}
PER_HOST=${PER_HOST:-$WORKERS}
HEAP=${HEAP:-512m}
LIMIT=${LIMIT:-50}
[ -f "$JAR" ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 2; }

TMP=$(mktemp -d /tmp/karvon-websubbench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RC_PORT=$(free_port); KV_PORT=$(free_port)
RC=http://127.0.0.1:$RC_PORT KV=http://127.0.0.1:$KV_PORT
CMS=bench-cms-$RANDOM$RANDOM ADMIN=bench-admin-$RANDOM$RANDOM SECRET=bench-secret-$RANDOM$RANDOM
RC_PID= KV_PID=
cleanup() {
  [ -n "$KV_PID" ] && kill "$KV_PID" 2>/dev/null && wait "$KV_PID" 2>/dev/null || true
  [ -n "$RC_PID" ] && kill "$RC_PID" 2>/dev/null && wait "$RC_PID" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

python3 "$HERE/websubbench.py" receiver "$RC_PORT" "$SECRET" 1800 > "$TMP/receiver.log" 2>&1 &
RC_PID=$!
cat > "$TMP/feeds.yml" <<YML
site:
  base_url: $KV
  title: WebSub bench
server:
  public_requests_per_minute: 1000000
security:
  cms_token: {env: KARVON_CMS_TOKEN}
  admin_token: {env: KARVON_ADMIN_TOKEN}
websub:
  allow_private_callbacks: true
  delivery_workers: $WORKERS
  delivery_per_host: $PER_HOST
  max_subscriptions: $((N * 2))
feeds:
  - id: all
    title: Every story
    language: all
    limit: $LIMIT
YML
JFR_OPT=()
[ -n "${JFR:-}" ] && JFR_OPT=("-XX:StartFlightRecording=filename=$TMP/websub.jfr,settings=profile,dumponexit=true")
KARVON_CMS_TOKEN=$CMS KARVON_ADMIN_TOKEN=$ADMIN java "-Xmx$HEAP" "${JFR_OPT[@]}" -jar "$JAR" serve --config "$TMP/feeds.yml" \
  --data "$TMP/data" --port "$KV_PORT" > "$TMP/karvon.log" 2>&1 &
KV_PID=$!
for _ in $(seq 240); do curl -fs "$KV/health" > /dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$KV/health" > /dev/null || { tail -20 "$TMP/karvon.log"; exit 1; }
curl -fs "$RC/stats" > /dev/null || { cat "$TMP/receiver.log"; exit 1; }
echo "karvon up (pid $KV_PID, -Xmx$HEAP, delivery_workers $WORKERS, delivery_per_host $PER_HOST); receiver pid $RC_PID"
python3 "$HERE/websubbench.py" run "$KV" "$RC" "$N" "$CMS" "$ADMIN" "$KV_PID" "$SECRET" "$ROUNDS" | tee "$TMP/report.json"
python3 - "$TMP/report.json" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[2])
print(f"{n} subscriptions requested and verified in {r['subscribe_and_verify_s']} s")
for i, x in enumerate(r["rounds"]):
    print(f"round {i + 1}: CMS POST {x['cms_post_ms']} ms; deliveries from {x['first_delivery_ms']} ms to"
          f" {x['last_delivery_ms']} ms after the POST; {x['delivered']}/{n} subscribers, {x['mean_body_kib']} KiB each,"
          f" bad signatures {x['bad_signatures']}; karvon CPU {x['karvon_cpu_s']} s")
ok = all(x["delivered"] == n and x["bad_signatures"] == 0 for x in r["rounds"])
print("RESULT:", "PASS" if ok else "FAIL", f"(every one of {n} subscribers got each article, signed)")
PY
grep -iE "WARN|ERROR" "$TMP/karvon.log" | sort | uniq -c | sort -rn | head -5 || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
