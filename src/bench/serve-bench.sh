#!/usr/bin/env bash
# Serving benchmark for cached feeds (issue 2): karvon vs nginx serving the same bytes as a static file.
#
# Builds nothing: expects target/karvon.jar (mvn -q -o package -DskipTests). Needs wrk, nginx, curl, python3.
# Everything listens on 127.0.0.1 only; both servers are stopped (by PID) on exit.
#
#   src/bench/serve-bench.sh                       # defaults below
#   FEED=en ROUNDS=5 JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" src/bench/serve-bench.sh
#
# Steps: prepare a data dir holding the 44 bundled sample articles plus 40 generated English ones (so the
# feed has exactly 50 items), start karvon, fetch the feed (raw, gzip) and its ETag, write feed.rss and a
# precompressed feed.rss.gz for nginx (gzip_static on), start nginx, warm the JVM up (not counted), then
# ALTERNATE karvon and nginx for ROUNDS rounds of DURATION seconds per case:
#   (1) 200 without Accept-Encoding  (2) 200 with Accept-Encoding: gzip  (3) If-None-Match: <etag> -> 304
# and print the median requests/second per case and the karvon/nginx ratio.
#
# FEED: en-summary (default; language en, limit 50, full_text false: ~36 KB RSS, the size from the issue)
#       or en (the stock feed: 50 items with full text, ~90 KB RSS). Both come from feeds.yml plus one added
#       summary-only feed in a copy of the configuration under WORK.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
JAR=${JAR:-$ROOT/target/karvon.jar}
WORK=${WORK:-/tmp/karvon-bench}
KPORT=${KPORT:-18080}
NPORT=${NPORT:-18081}
FEED=${FEED:-en-summary}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}            # seconds of unrecorded load per case for karvon before the first round
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
IDLE_MIN=${IDLE_MIN:-85}        # before each measured run, wait until the machine is this % idle ...
IDLE_WAIT=${IDLE_WAIT:-30}      # ... for at most this many seconds (other jobs share the cores)
NGINX=${NGINX:-nginx}
CASES=(plain gzip 304)

for tool in wrk "$NGINX" curl python3 java; do
    command -v "$tool" >/dev/null || { echo "serve-bench: $tool not found" >&2; exit 2; }
done
[[ -f $JAR ]] || { echo "serve-bench: $JAR missing; build with: mvn -q -o package -DskipTests" >&2; exit 2; }

KPID=""
NPID=""
cleanup() {
    [[ -n $KPID ]] && kill "$KPID" 2>/dev/null && wait "$KPID" 2>/dev/null || true
    [[ -n $NPID ]] && kill -QUIT "$NPID" 2>/dev/null && wait "$NPID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

rm -rf "$WORK"
mkdir -p "$WORK/data" "$WORK/www/feeds" "$WORK/logs" "$WORK/nginx-tmp"

# --- data: bundled sample (44) + 40 generated English articles -> the en feeds hold exactly 50 items
python3 -c "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('sample/articles.json'))" \
    "$JAR" > "$WORK/sample.json"
python3 "$ROOT/src/bench/gen-articles.py" 40 > "$WORK/extra.ndjson"
java -jar "$JAR" import "$WORK/sample.json" --data "$WORK/data"
java -jar "$JAR" import "$WORK/extra.ndjson" --data "$WORK/data"

# --- configuration: feeds.yml plus one summary-only English feed
python3 - "$ROOT/feeds.yml" "$WORK/feeds.yml" <<'EOF'
import sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
marker = "\n# External feeds"
extra = ("  - id: en-summary\n"
         "    title: Karvon News Agency — English (summaries)\n"
         "    language: en\n"
         "    full_text: false\n"
         "    limit: 50\n")
assert marker in text, "feeds.yml layout changed: cannot add the benchmark feed"
# one load generator on loopback is one client address: lift the per-address limit for the benchmark
limit = "public_requests_per_minute: 600"
assert limit in text, "feeds.yml layout changed: cannot lift the per-address rate limit"
text = text.replace(limit, "public_requests_per_minute: 100000000")
i = text.index(marker)
open(dst, "w", encoding="utf-8").write(text[:i].rstrip("\n") + "\n" + extra + text[i:])
EOF
java -jar "$JAR" validate "$WORK/feeds.yml" >/dev/null

# --- karvon
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" serve --config "$WORK/feeds.yml" --port "$KPORT" --data "$WORK/data" --no-sample \
    >"$WORK/logs/karvon.log" 2>&1 &
KPID=$!
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$KPORT/health" && break
    kill -0 "$KPID" 2>/dev/null || { cat "$WORK/logs/karvon.log"; exit 1; }
    sleep 0.5
done
KURL="http://127.0.0.1:$KPORT/feeds/$FEED.rss"
curl -sf -D "$WORK/k.headers" -o "$WORK/www/feeds/feed.rss" "$KURL"
curl -sf -H 'Accept-Encoding: gzip' -D "$WORK/k.gz.headers" -o "$WORK/www/feeds/feed.rss.gz" "$KURL"
header() { grep -i "^$1:" "$2" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
KETAG=$(header ETag "$WORK/k.headers")
KTYPE=$(header Content-Type "$WORK/k.headers")
KLM=$(header Last-Modified "$WORK/k.headers")
ITEMS=$(grep -o '<item>' "$WORK/www/feeds/feed.rss" | wc -l)
[[ $ITEMS -eq 50 ]] || { echo "serve-bench: $FEED has $ITEMS items, expected 50" >&2; exit 1; }
[[ $(header Content-Encoding "$WORK/k.gz.headers") == gzip ]] || { echo "serve-bench: no gzip from karvon" >&2; exit 1; }
cmp -s <(gzip -dc "$WORK/www/feeds/feed.rss.gz") "$WORK/www/feeds/feed.rss" || { echo "serve-bench: gzip body differs" >&2; exit 1; }
touch -d "$KLM" "$WORK/www/feeds/feed.rss" "$WORK/www/feeds/feed.rss.gz"   # same Last-Modified in nginx
RAW=$(stat -c %s "$WORK/www/feeds/feed.rss")
GZ=$(stat -c %s "$WORK/www/feeds/feed.rss.gz")

# --- nginx: same bytes, same Content-Type, precompressed gzip, no access log
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;   # like Jetty: never close a busy keep-alive connection
    types { }
    default_type "$KTYPE";
    gzip off;
    gzip_static on;
    gzip_vary on;
    server {
        listen 127.0.0.1:$NPORT;
        root $WORK/www;
        location /feeds/ { add_header Cache-Control "public, max-age=60"; }
    }
}
EOF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NPID=$!
NURL="http://127.0.0.1:$NPORT/feeds/feed.rss"
for _ in $(seq 1 50); do curl -sf -o /dev/null "$NURL" && break; sleep 0.1; done
curl -sf -D "$WORK/n.headers" -o "$WORK/n.body" "$NURL"
NETAG=$(header ETag "$WORK/n.headers")
cmp -s "$WORK/n.body" "$WORK/www/feeds/feed.rss" || { echo "serve-bench: nginx body differs" >&2; exit 1; }
[[ $(header Content-Type "$WORK/n.headers") == "$KTYPE" ]] || { echo "serve-bench: Content-Type differs" >&2; exit 1; }

# --- sanity: every case answers as expected on both servers
case_args() {   # server case -> curl/wrk header arguments
    case $2 in
        plain) ;;
        gzip) printf '%s\n' -H 'Accept-Encoding: gzip' ;;
        304) if [[ $1 == karvon ]]; then printf '%s\n' -H "If-None-Match: $KETAG"; else printf '%s\n' -H "If-None-Match: $NETAG"; fi ;;
    esac
}
url_of() { if [[ $1 == karvon ]]; then echo "$KURL"; else echo "$NURL"; fi; }
expect() { case $1 in plain) echo "200 $RAW" ;; gzip) echo "200 $GZ" ;; 304) echo "304 0" ;; esac; }
for s in karvon nginx; do
    for c in "${CASES[@]}"; do
        mapfile -t args < <(case_args "$s" "$c")
        got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "${args[@]}" "$(url_of "$s")")
        [[ $got == "$(expect "$c")" ]] || { echo "serve-bench: $s $c: got '$got', expected '$(expect "$c")'" >&2; exit 1; }
    done
done

# CPU accounting from /proc (jiffies): machine busy time, a process tree's time. Lets each run report the
# server's CPU per request (robust to noise) and how much CPU *other* processes took during the run.
HZ=$(getconf CLK_TCK)
machine_jiffies() { awk '/^cpu / {b=$2+$3+$4+$7+$8+$9; print b, b+$5+$6}' /proc/stat; }   # busy total
tree_jiffies() {   # pid -> utime+stime of it and its children (nginx workers)
    local t=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$t"
}
server_pid() { if [[ $1 == karvon ]]; then echo "$KPID"; else echo "$NPID"; fi; }
wait_idle() {   # wait (up to IDLE_WAIT s) until the machine is at least IDLE_MIN % idle over one second
    local deadline=$((SECONDS + IDLE_WAIT)) b0 t0 b1 t1 idle
    while :; do
        read -r b0 t0 < <(machine_jiffies); sleep 1; read -r b1 t1 < <(machine_jiffies)
        idle=$((100 - 100 * (b1 - b0) / (t1 - t0 > 0 ? t1 - t0 : 1)))
        ((idle >= IDLE_MIN)) && return 0
        ((SECONDS >= deadline)) && { echo "  (machine only ${idle}% idle after ${IDLE_WAIT}s; measuring anyway)" >&2; return 0; }
    done
}
run_wrk() {   # server case seconds logfile -> prints "req/s server-cpu-us-per-request foreign-cpu-%"
    local args b0 t0 b1 t1 s0 s1 w
    mapfile -t args < <(case_args "$1" "$2")
    read -r b0 t0 < <(machine_jiffies); s0=$(tree_jiffies "$(server_pid "$1")")
    wrk -t"$THREADS" -c"$CONNS" -d"$3s" "${args[@]}" "$(url_of "$1")" >"$4" 2>&1
    read -r b1 t1 < <(machine_jiffies); s1=$(tree_jiffies "$(server_pid "$1")")
    w=$(times | tail -1 | awk '{gsub(/[ms]/," "); print ($1*60+$2+$3*60+$4)}')   # wrk's CPU seconds
    if grep -q 'Non-2xx or 3xx' "$4" || grep -q 'Socket errors' "$4"; then echo "serve-bench: errors in $4" >&2; fi
    awk -v s="$((s1 - s0))" -v b="$((b1 - b0))" -v t="$((t1 - t0))" -v w="$w" -v hz="$HZ" '
        /requests in/ {n = $1}
        /^Requests\/sec:/ {r = $2}
        END {f = (b - s - w * hz) / t * 100; if (f < 0) f = 0
             printf "%s %.1f %.0f\n", r, s / hz * 1e6 / n, f}' "$4"
}

echo "karvon: pid $KPID, java $JAVA_OPTS; nginx $("$NGINX" -v 2>&1 | cut -d/ -f2): pid $NPID"
echo "feed $FEED: 50 items, $RAW bytes raw, $GZ bytes gzip; karvon ETag $KETAG, nginx ETag $NETAG"
echo "wrk -t$THREADS -c$CONNS -d${DURATION}s, $ROUNDS rounds alternating karvon/nginx; $(nproc) cores shared by wrk and the server"
echo "warm-up: karvon ${WARMUP}s per case (not counted), nginx 2s per case (not counted)"
for c in "${CASES[@]}"; do
    run_wrk karvon "$c" "$WARMUP" "$WORK/logs/warmup-karvon-$c.txt" >/dev/null
    run_wrk nginx "$c" 2 "$WORK/logs/warmup-nginx-$c.txt" >/dev/null
done

declare -A RESULTS
printf '  %-5s %-5s %-6s %12s %14s %12s\n' case round server req/s "server us/req" "other CPU %"
for c in "${CASES[@]}"; do
    for r in $(seq 1 "$ROUNDS"); do
        for s in karvon nginx; do
            wait_idle
            read -r rps us other < <(run_wrk "$s" "$c" "$DURATION" "$WORK/logs/$s-$c-$r.txt")
            RESULTS[$s,$c]="${RESULTS[$s,$c]:-} $rps:$us:$other"
            printf '  %-5s %-5d %-6s %12s %14s %12s\n' "$c" "$r" "$s" "$rps" "$us" "$other"
        done
    done
done

echo
python3 - "$FEED" "$RAW" "$GZ" "${RESULTS[karvon,plain]}" "${RESULTS[nginx,plain]}" \
    "${RESULTS[karvon,gzip]}" "${RESULTS[nginx,gzip]}" "${RESULTS[karvon,304]}" "${RESULTS[nginx,304]}" <<'EOF'
import statistics, sys
feed, raw, gz, *runs = sys.argv[1:]
runs = [[tuple(float(v) for v in x.split(":")) for x in r.split()] for r in runs]
names = [f"200, no gzip ({int(raw):,} B)", f"200, gzip ({int(gz):,} B)", "304 If-None-Match"]
med = lambda r, i: statistics.median(x[i] for x in r)
print(f"| case ({feed}) | karvon req/s | nginx req/s | karvon/nginx | karvon CPU µs/req | nginx CPU µs/req |")
print("|---|---:|---:|---:|---:|---:|")
for i, name in enumerate(names):
    k, n = runs[2 * i], runs[2 * i + 1]
    print(f"| {name} | {med(k, 0):,.0f} | {med(n, 0):,.0f} | {med(k, 0) / med(n, 0):.2f} | {med(k, 1):.0f} | {med(n, 1):.0f} |")
print()
print("(medians of the rounds; CPU µs/req = server process CPU time / requests; max CPU taken by other "
      f"processes during any run: {max(x[2] for r in runs for x in r):.0f}%)")
EOF
echo "raw wrk output: $WORK/logs"
