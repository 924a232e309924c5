#!/usr/bin/env bash
# Archive benchmark (issue 11): the same requests against 10,000 and 1,000,000 articles, under CMS writes.
#
# Expects target/karvon.jar (mvn -q -o package -DskipTests). Needs python3, curl, java (jcmd for the heap).
# Everything listens on 127.0.0.1; the server is stopped by its PID on exit.
#
#   src/bench/archive-bench.sh                        # SIZES="10000 1000000", phases of 15 s each
#   SIZES=10000 PHASE=5 src/bench/archive-bench.sh
#
# For each size: generate articles in five languages (src/bench/gen-articles.py; kept in WORK and reused),
# import them into a fresh data folder (timed: import rate), start the server with HEAP, run
# src/bench/archivebench.py (WRITES CMS writes a second throughout; one phase of PHASE seconds per kind of request:
# p50/p99 latency and server CPU per request), then force a full GC and read the live heap (jcmd GC.heap_info). Results: WORK/result-SIZE.json,
# WORK/import-SIZE.txt, WORK/heap-SIZE.txt, WORK/gc-SIZE.log. KEEP_DATA=1 reuses an imported data folder.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
JAR=${JAR:-$ROOT/target/karvon.jar}
WORK=${WORK:-/tmp/karvon-archive-bench}
PORT=${PORT:-18480}
SIZES=${SIZES:-10000 1000000}
PHASE=${PHASE:-15}
WRITES=${WRITES:-5}
HEAP=${HEAP:-256m}
LANGS=${LANGS:-uz-Latn,ru,en,zh-Hans,ar}
KEEP_DATA=${KEEP_DATA:-0}
TOKEN=bench-token

for tool in python3 curl java jcmd; do
    command -v "$tool" >/dev/null || { echo "archive-bench: $tool not found" >&2; exit 2; }
done
[[ -f $JAR ]] || { echo "archive-bench: $JAR missing; build with: mvn -q -o package -DskipTests" >&2; exit 2; }
mkdir -p "$WORK"

PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# the bundled feeds.yml, with the per-client rate limit lifted (the driver is one client on 127.0.0.1)
sed 's/^  public_requests_per_minute: .*/  public_requests_per_minute: 100000000/' "$ROOT/feeds.yml" > "$WORK/feeds.yml"
grep -q 'public_requests_per_minute: 100000000' "$WORK/feeds.yml" || { echo "archive-bench: could not lift the rate limit" >&2; exit 2; }

for SIZE in $SIZES; do
    GEN=$WORK/gen-$SIZE.ndjson
    DATA=$WORK/data-$SIZE
    if [[ ! -s $GEN ]]; then
        echo "== generating $SIZE articles ($LANGS)"
        python3 "$ROOT/src/bench/gen-articles.py" "$SIZE" --languages "$LANGS" --start-hours-ago 1 > "$GEN.tmp"
        mv "$GEN.tmp" "$GEN"
    fi
    if [[ $KEEP_DATA != 1 || ! -f $DATA/karvon.db ]]; then
        rm -rf "$DATA"
        echo "== importing $SIZE articles"
        /usr/bin/time -v java -Xmx512m -jar "$JAR" import --progress 10 --data "$DATA" "$GEN" \
            > "$WORK/import-$SIZE.txt" 2> >(tee "$WORK/import-$SIZE.err" | grep -E '^import:' >&2)
        cat "$WORK/import-$SIZE.txt"
        du -sh "$DATA" | tee -a "$WORK/import-$SIZE.txt"
    fi

    echo "== serving $SIZE articles (-Xmx$HEAP)"
    KARVON_CMS_TOKEN=$TOKEN java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc-$SIZE.log" -jar "$JAR" serve --no-sample \
        --config "$WORK/feeds.yml" --port "$PORT" --data "$DATA" > "$WORK/server-$SIZE.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 1; done
    # warm-up (not counted): JIT, page cache, first renders
    python3 "$ROOT/src/bench/archivebench.py" "http://127.0.0.1:$PORT" --token "$TOKEN" --pid "$PID" \
        --phase-seconds 3 --seed 1 > /dev/null
    python3 "$ROOT/src/bench/archivebench.py" "http://127.0.0.1:$PORT" --token "$TOKEN" --pid "$PID" \
        --phase-seconds "$PHASE" --writes-per-second "$WRITES" --out "$WORK/result-$SIZE.json"
    jcmd "$PID" GC.run > /dev/null
    jcmd "$PID" GC.heap_info | tee "$WORK/heap-$SIZE.txt"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
