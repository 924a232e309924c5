#!/usr/bin/env bash
# Prints status, headers (without Date) and a body digest for a fixed set of feed requests against one karvon jar,
# so two builds can be compared:  diff <(check-headers.sh old.jar) <(check-headers.sh target/karvon.jar)
# Uses the data dir and configuration prepared by serve-bench.sh (WORK, default /tmp/karvon-bench).
set -euo pipefail
JAR=${1:?usage: check-headers.sh JAR [PORT]}
PORT=${2:-18090}
WORK=${WORK:-/tmp/karvon-bench}
[[ -f $WORK/feeds.yml && -d $WORK/data ]] || { echo "run serve-bench.sh first (needs $WORK)" >&2; exit 2; }
cp -r "$WORK/data" "$WORK/data-check.$$"
java -jar "$JAR" serve --config "$WORK/feeds.yml" --port "$PORT" --data "$WORK/data-check.$$" --no-sample \
    >"$WORK/check.$$.log" 2>&1 &
PID=$!
stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$WORK/data-check.$$" "$WORK/check.$$.log" "$WORK/body.$$"; }
trap 'stop || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.5; done
B=http://127.0.0.1:$PORT/feeds
ETAG=$(curl -sI "$B/en.rss" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
LM=$(curl -sI "$B/en.rss" | awk -F': ' 'tolower($1)=="last-modified" {print $2}' | tr -d '\r')
req() {
    echo "== $*"
    curl -s -D - -o "$WORK/body.$$" "$@" | tr -d '\r' | grep -v -i '^date:' | sort
    echo "body $(grep -a -v -i '^date:' "$WORK/body.$$" | sha256sum | cut -c1-16) $(stat -c %s "$WORK/body.$$")"
}
for f in en.rss en.atom en.json all.rss; do
    req "$B/$f"
    req -H 'Accept-Encoding: gzip' "$B/$f"
done
req -I "$B/en.rss"
req -I -H 'Accept-Encoding: gzip, deflate' "$B/en.rss"
req -H "If-None-Match: $ETAG" "$B/en.rss"
req -H "If-None-Match: W/$ETAG, \"x\"" -H 'Accept-Encoding: gzip' "$B/en.rss"
req -H 'If-None-Match: "nope"' "$B/en.rss"
req -H "If-Modified-Since: $LM" "$B/en.json"
req -H 'If-Modified-Since: Thu, 01 Jan 2015 00:00:00 GMT' "$B/en.rss"
req -H 'Accept-Encoding: gzip;q=0' "$B/en.rss"
req "$B/wire.atom"
req "$B/nope.rss"
req "$B/en.txt"
trap - EXIT
stop || true
