#!/usr/bin/env bash
# Parse benchmark (issue 3): karvon's `parse` command against Python feedparser on the same files.
#
#   src/bench/parse-bench.sh [RUNS] [PASSES]   (defaults 3 and 60; needs target/karvon.jar and python3; Debian's
#                                               python3-feedparser for the comparison column, skipped without it)
#
# Corpus: src/bench/GenCorpus.java --seed karvon-1 (deterministic), medium/ + large/ = 30 files, 4,200 items.
# Figures printed (karvon runs with -Xmx512m):
#   cold   = one JVM per run, `karvon parse DIR/medium DIR/large > /dev/null`: 4,200 items / wall time, median of
#            RUNS runs; includes JVM start, class loading and the JIT's warm-up.
#   long   = one JVM given the two folders PASSES times (PASSES x 4,200 items): the rate of every pass, timed
#            from the output lines (30 per pass) by a Python reader, median of RUNS runs for each pass; "average" is all items /
#            wall time of the whole run (start-up and warm-up included), "steady" the median rate of the last
#            quarter of the passes, after HotSpot has compiled the hot code.
#   feedparser = /usr/bin/python3 with Debian's python3-feedparser, same 30 files, read from disk as bytes;
#            cold = first pass in a fresh interpreter (import excluded), warm = median of 3 further passes.
# The first lines check the single-pass output: 30 feeds, 4,200 items, no _karvon error lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
PASSES=${2:-60}
JAR=${JAR:-target/karvon.jar}
PY=${FEEDPARSER_PYTHON:-/usr/bin/python3}
[ -f "$JAR" ] || { echo "build first: mvn -q -o package -DskipTests" >&2; exit 2; }
FEEDPARSER=1
"$PY" -c 'import feedparser' 2> /dev/null || { FEEDPARSER=; echo "note: no python3-feedparser (apt-get install -y python3-feedparser): comparison column skipped" >&2; }

TMP=$(mktemp -d /tmp/karvon-parsebench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
java src/bench/GenCorpus.java --out "$TMP/corpus" --no-poll-files 2> "$TMP/gen.log"
M=$TMP/corpus/medium L=$TMP/corpus/large

# correctness check of one single-pass run
java -Xmx512m -jar "$JAR" parse "$M" "$L" > "$TMP/out.ndjson"
read -r NITEMS NERR NLINES < <(python3 - "$TMP/out.ndjson" <<'PYEOF'
import json, sys
n = err = lines = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); lines += 1
    n += len(d.get("items", []))
    err += "_karvon" in d
print(n, err, lines)
PYEOF
)
echo "check: $NLINES feeds, $NITEMS items, $NERR _karvon error lines (expected 30, 4200, 0)"
[ "$NITEMS" = 4200 ] && [ "$NERR" = 0 ] || { echo "FAILED output check" >&2; exit 1; }

# Runs karvon on $1 passes and prints "total_seconds rate_pass1 rate_pass2 ...", timed from its output lines.
timed_passes() {
  local args=() i
  for ((i = 0; i < $1; i++)); do args+=("$M" "$L"); done
  timeout 600 java -Xmx512m -jar "$JAR" parse "${args[@]}" | python3 -c '
import sys, time
t0 = last = time.monotonic(); n = 0; rates = []
for _ in sys.stdin.buffer:
    n += 1
    if n % 30 == 0:
        now = time.monotonic(); rates.append(4200 / (now - last)); last = now
print("%.3f" % (time.monotonic() - t0), " ".join("%.0f" % r for r in rates))'
}

: > "$TMP/cold"; : > "$TMP/long"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f '%e' -o "$TMP/t" timeout 300 java -Xmx512m -jar "$JAR" parse "$M" "$L" > /dev/null
  cat "$TMP/t" >> "$TMP/cold"
  timed_passes "$PASSES" >> "$TMP/long"
done

# feedparser: cold (first pass) and warm (median of 3 later passes)
: > "$TMP/fp"
[ -z "$FEEDPARSER" ] || "$PY" - "$M" "$L" > "$TMP/fp" <<'PYEOF'
import os, sys, time, feedparser
files = sorted(os.path.join(d, f) for d in sys.argv[1:] for f in os.listdir(d))
datas = [open(f, "rb").read() for f in files]
res = []
for rnd in range(4):
    w0 = time.perf_counter()
    n = sum(len(feedparser.parse(b).entries) for b in datas)
    res.append((time.perf_counter() - w0, n))
print("%d %.3f %.3f" % (res[0][1], res[0][0], sorted(r[0] for r in res[1:])[1]))
PYEOF

python3 - "$TMP/cold" "$TMP/long" "$TMP/fp" "$PASSES" <<'PYEOF'
import statistics, sys
cold = [float(l.split()[0]) for l in open(sys.argv[1])]
runs = [list(map(float, l.split())) for l in open(sys.argv[2])]
fpline = open(sys.argv[3]).read().split()
passes = int(sys.argv[4])
med = statistics.median
c = med(cold)
print(f"cold runs (s): {', '.join('%.2f' % x for x in cold)}")
print(f"long runs ({passes} passes, s): {', '.join('%.1f' % r[0] for r in runs)}")
per_pass = [med(r[1 + p] for r in runs) for p in range(passes)]
print("per-pass items/s (median of runs), every 5th pass: " + " ".join(f"{p + 1}:{per_pass[p]:,.0f}" for p in range(0, passes, 5)))
avg = passes * 4200 / med(r[0] for r in runs)
steady = med(per_pass[-(passes // 4):])
if fpline:
    fn, fw0, fw = int(fpline[0]), float(fpline[1]), float(fpline[2])
    fp = fn / fw
    print(f"feedparser : {fn} items; cold {fn / fw0:,.0f} items/s, warm {fp:,.0f} items/s")
    x = lambda v: f"  ({v / fp:.1f}x feedparser warm)"
else:
    print("feedparser : not installed, no comparison")
    x = lambda v: ""
print(f"karvon cold   : {4200 / c:,.0f} items/s{x(4200 / c)}")
print(f"karvon average: {avg:,.0f} items/s over {passes * 4200:,} items in one JVM{x(avg)}")
print(f"karvon steady : {steady:,.0f} items/s, last {passes // 4} passes{x(steady)}")
PYEOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
