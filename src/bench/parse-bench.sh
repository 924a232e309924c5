#!/usr/bin/env bash
# Parse benchmark (issue 3): karvon's `parse` command against Python feedparser on the same files.
#
#   src/bench/parse-bench.sh [RUNS]        (default RUNS=5; needs target/karvon.jar and python3-feedparser)
#
# Corpus: /work/shared/bench/gen_corpus.py (deterministic), medium/ + large/ = 30 files, 4,200 items.
# Figures printed:
#   cold  = one JVM per run, `karvon parse DIR/medium DIR/large`; median wall and CPU (user+sys) of RUNS runs;
#           includes JVM start, class loading and JIT warm-up.
#   warm  = one JVM parsing the 30 files 6 times (the two dirs passed 6x on the command line) minus a
#           single-pass run, both medians of RUNS runs: 5 x 4,200 items / (t6 - t1).  Output of the 6x
#           run goes to /dev/null; the single-pass output is checked (4,200 items, no _karvon errors).
#   sustained = the same with 26 passes against 6: 20 x 4,200 items / (t26 - t6), the rate once the JIT has
#           compiled the hot code (the first passes of a JVM run partly interpreted while it compiles).
#   feedparser = /usr/bin/python3 with Debian's python3-feedparser, same 30 files, read from disk as bytes;
#           cold = first pass in a fresh interpreter (import excluded), warm = median of 3 further passes.
# Wall time on a shared machine is noisy; CPU time (user+sys of the process) is printed next to it.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAR=${JAR:-target/karvon.jar}
BENCH=${BENCH_DIR:-/work/shared/bench}
PY=${FEEDPARSER_PYTHON:-/usr/bin/python3}
ITEMS=4200
[ -f "$JAR" ] || { echo "build first: mvn -q -o package -DskipTests" >&2; exit 2; }
"$PY" -c 'import feedparser' || { echo "need python3-feedparser (apt-get install -y python3-feedparser)" >&2; exit 2; }

TMP=$(mktemp -d /tmp/karvon-parsebench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
python3 "$BENCH/gen_corpus.py" --out "$TMP/corpus" --no-poll-files > "$TMP/gen.log"
M=$TMP/corpus/medium L=$TMP/corpus/large

# times one command (bounded to 300 s); appends "wall cpu" to file $1
timed() {
  local outf=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$TMP/t" timeout 300 "$@"
  awk '{printf "%.3f %.3f\n", $1, $2+$3}' "$TMP/t" >> "$outf"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# correctness check of one single-pass run
java -Xmx512m -jar "$JAR" parse "$M" "$L" > "$TMP/out.ndjson"
read -r NITEMS NERR NLINES < <(python3 - "$TMP/out.ndjson" <<'EOF'
import json, sys
n = err = lines = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); lines += 1
    n += len(d.get("items", []))
    err += "_karvon" in d
print(n, err, lines)
EOF
)
echo "check: $NLINES feeds, $NITEMS items, $NERR _karvon error lines (expected 30, $ITEMS, 0)"
[ "$NITEMS" = "$ITEMS" ] && [ "$NERR" = 0 ] || { echo "FAILED output check" >&2; exit 1; }

: > "$TMP/one"; : > "$TMP/six"; : > "$TMP/many"
passes() { for _ in $(seq "$1"); do printf '%s %s ' "$M" "$L"; done; }
for i in $(seq "$RUNS"); do
  timed "$TMP/one" java -Xmx512m -jar "$JAR" parse $(passes 1) > /dev/null
  timed "$TMP/six" java -Xmx512m -jar "$JAR" parse $(passes 6) > /dev/null
  timed "$TMP/many" java -Xmx512m -jar "$JAR" parse $(passes 26) > /dev/null
done
W1=$(cut -d' ' -f1 "$TMP/one" | median); C1=$(cut -d' ' -f2 "$TMP/one" | median)
W6=$(cut -d' ' -f1 "$TMP/six" | median); C6=$(cut -d' ' -f2 "$TMP/six" | median)
W26=$(cut -d' ' -f1 "$TMP/many" | median); C26=$(cut -d' ' -f2 "$TMP/many" | median)

# feedparser: cold (first pass) and warm (median of 3 later passes), wall and process CPU
"$PY" - "$M" "$L" > "$TMP/fp" <<'EOF'
import os, sys, time, feedparser
files = sorted(os.path.join(d, f) for d in sys.argv[1:] for f in os.listdir(d))
datas = [open(f, "rb").read() for f in files]
res = []
for rnd in range(4):
    w0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(feedparser.parse(b).entries) for b in datas)
    res.append((time.perf_counter() - w0, time.process_time() - c0, n))
warm = sorted(res[1:])[1]
print("%d %.3f %.3f %.3f %.3f" % (res[0][2], res[0][0], res[0][1], warm[0], warm[1]))
EOF
read -r FN FW0 FC0 FW FC < "$TMP/fp"

python3 - "$ITEMS" "$RUNS" "$W1" "$C1" "$W6" "$C6" "$FN" "$FW0" "$FC0" "$FW" "$FC" "$(cat "$TMP/one" | tr '\n' ';')" "$(cat "$TMP/six" | tr '\n' ';')" "$W26" "$C26" "$(cat "$TMP/many" | tr '\n' ';')" <<'EOF'
import sys
items, runs = int(sys.argv[1]), int(sys.argv[2])
w1, c1, w6, c6 = map(float, sys.argv[3:7])
fn = int(sys.argv[7]); fw0, fc0, fw, fc = map(float, sys.argv[8:12])
w26, c26 = float(sys.argv[14]), float(sys.argv[15])
print(f"runs (wall cpu) 1 pass: {sys.argv[12]}")
print(f"runs (wall cpu) 6 pass: {sys.argv[13]}")
print(f"runs (wall cpu) 26 pass: {sys.argv[16]}")
print(f"karvon cold : median wall {w1:.2f} s -> {items/w1:,.0f} items/s   (cpu {c1:.2f} s -> {items/c1:,.0f} items/cpu-s)")
ww, wc = w6 - w1, c6 - c1
print(f"karvon warm : (6-pass {w6:.2f} s - 1-pass {w1:.2f} s) = {ww:.2f} s for {5*items} items -> {5*items/ww:,.0f} items/s"
      f"   (cpu {wc:.2f} s -> {5*items/wc:,.0f} items/cpu-s)")
print(f"feedparser  : {fn} items; cold {fw0:.2f} s -> {fn/fw0:,.0f} items/s; warm {fw:.2f} s -> {fn/fw:,.0f} items/s"
      f"   (cpu {fc:.2f} s -> {fn/fc:,.0f} items/cpu-s)")
sw, sc = w26 - w6, c26 - c6
print(f"karvon sustained: (26-pass {w26:.2f} s - 6-pass {w6:.2f} s) = {sw:.2f} s for {20*items} items -> {20*items/sw:,.0f} items/s"
      f"   (cpu {sc:.2f} s -> {20*items/sc:,.0f} items/cpu-s)")
r = lambda kn, kt, ft: (kn / kt) / (fn / ft)
print(f"ratio karvon/feedparser warm (items/s, wall): karvon cold {r(items, w1, fw):.1f}x, karvon warm {r(5*items, ww, fw):.1f}x;"
      f" sustained {r(20*items, sw, fw):.1f}x; (items per cpu-s): cold {r(items, c1, fc):.1f}x, warm {r(5*items, wc, fc):.1f}x,"
      f" sustained {r(20*items, sc, fc):.1f}x")
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
