#!/usr/bin/env bash
# A/B for karvon builds or JVM options: runs two karvon processes side by side (each idle while the other is
# loaded) and alternates wrk runs between them. Uses the data dir and feeds.yml prepared by serve-bench.sh.
#   JAR_A=/tmp/old.jar JAR_B=target/karvon.jar src/bench/ab-bench.sh
#   OPTS_A="-Xmx512m" OPTS_B="-Xmx512m -XX:+UseParallelGC" src/bench/ab-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/karvon-bench}
JAR_A=${JAR_A:-target/karvon.jar}; JAR_B=${JAR_B:-target/karvon.jar}
OPTS_A=${OPTS_A:--Xmx512m}; OPTS_B=${OPTS_B:--Xmx512m}
FEED=${FEED:-en-summary}; ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}; CONNS=${CONNS:-64}
[[ -f $WORK/feeds.yml ]] || { echo "run serve-bench.sh first (needs $WORK)" >&2; exit 2; }
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$WORK"/data-ab-*; }
trap 'cleanup || true' EXIT
start() {   # name jar opts port
    cp -r "$WORK/data" "$WORK/data-ab-$1"
    # shellcheck disable=SC2086
    java $3 -jar "$2" serve --config "$WORK/feeds.yml" --port "$4" --data "$WORK/data-ab-$1" --no-sample \
        >"$WORK/logs/ab-$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$4/health" && return; sleep 0.5; done
    echo "$1 did not start" >&2; exit 1
}
start A "$JAR_A" "$OPTS_A" 18085
start B "$JAR_B" "$OPTS_B" 18086
declare -A PORT=([A]=18085 [B]=18086) PID=([A]=${PIDS[0]} [B]=${PIDS[1]})
etag() { curl -sI "http://127.0.0.1:$1/feeds/$FEED.rss" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r'; }
hdr() { case $2 in plain) ;; gzip) printf '%s\n' -H 'Accept-Encoding: gzip' ;; 304) printf '%s\n' -H "If-None-Match: $(etag "$1")" ;; esac; }
run() {   # name case seconds -> "req/s cpu-us-per-request"
    local args c0 c1
    mapfile -t args < <(hdr "${PORT[$1]}" "$2")
    c0=$(awk '{print $14 + $15}' "/proc/${PID[$1]}/stat")
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$3s" "${args[@]}" "http://127.0.0.1:${PORT[$1]}/feeds/$FEED.rss")
    c1=$(awk '{print $14 + $15}' "/proc/${PID[$1]}/stat")
    echo "$out" | awk -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" '/requests in/ {n=$1} /^Requests\/sec:/ {r=$2}
        /Non-2xx|Socket errors/ {e=1} END {printf "%s %.1f%s\n", r, c / hz * 1e6 / n, e ? " ERRORS" : ""}'
}
echo "A: $JAR_A [$OPTS_A]  B: $JAR_B [$OPTS_B]  feed $FEED, wrk -t$THREADS -c$CONNS -d${DURATION}s"
for c in plain gzip 304; do run A $c "$WARMUP" >/dev/null; run B $c "$WARMUP" >/dev/null; done
declare -A RES
for c in plain gzip 304; do
    for r in $(seq 1 "$ROUNDS"); do
        for s in A B; do
            v=$(run $s $c "$DURATION"); RES[$s,$c]="${RES[$s,$c]:-} ${v// /:}"
            printf '  %-5s %d %s %s\n' "$c" "$r" "$s" "$v"
        done
    done
done
for c in plain gzip 304; do
    python3 - "$c" "${RES[A,$c]}" "${RES[B,$c]}" <<'PY'
import statistics, sys
c, a, b = sys.argv[1:]
m = lambda s, i: statistics.median(float(x.split(":")[i]) for x in s.split())
print(f"{c:6s} A {m(a,0):9,.0f} req/s {m(a,1):6.0f} us/req | B {m(b,0):9,.0f} req/s {m(b,1):6.0f} us/req | B/A {m(b,0)/m(a,0):.2f}")
PY
done
