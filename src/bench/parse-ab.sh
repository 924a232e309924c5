#!/usr/bin/env bash
# Parse speed of two builds side by side (issue 12): the same corpus, the same passes, runs alternating between the
# builds so that both see the same load from other jobs on the machine.
#
#   OLD_JAR=/tmp/main.jar NEW_JAR=target/karvon.jar src/bench/parse-ab.sh [ROUNDS] [PASSES]   (defaults 5 and 10)
#
# Corpus: medium/ + large/ of src/bench/GenCorpus.java (30 files, 4,200 items, as parse-bench.sh makes it). Each run is one JVM (-Xmx512m) given the two folders PASSES times,
# as parse-bench.sh's long run does. Printed per build, medians over ROUNDS: wall seconds, items/s by wall time,
# CPU seconds (user+sys of the JVM) and items per CPU-second, which other jobs on a shared machine disturb much
# less than wall time. The first check is that both builds print 30 feeds and 4,200 items for one pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
PASSES=${2:-10}
OLD_JAR=${OLD_JAR:?set OLD_JAR to the build to compare against}
NEW_JAR=${NEW_JAR:-target/karvon.jar}

TMP=$(mktemp -d /tmp/karvon-parseab.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
java src/bench/GenCorpus.java --out "$TMP/corpus" --no-poll-files 2> "$TMP/gen.log"
M=$TMP/corpus/medium L=$TMP/corpus/large
args=()
for ((i = 0; i < PASSES; i++)); do args+=("$M" "$L"); done

for jar in "$OLD_JAR" "$NEW_JAR"; do
  java -Xmx512m -jar "$jar" parse "$M" "$L" | python3 -c '
import json, sys
lines = [json.loads(l) for l in sys.stdin]
n = sum(len(d.get("items", [])) for d in lines)
print("check %s: %d feeds, %d items" % (sys.argv[1], len(lines), n))
assert len(lines) == 30 and n == 4200, "expected 30 feeds and 4200 items"' "$jar"
done

: > "$TMP/old"; : > "$TMP/new"
for ((r = 1; r <= ROUNDS; r++)); do
  for side in old new; do
    jar=$OLD_JAR; [ "$side" = new ] && jar=$NEW_JAR
    /usr/bin/time -f '%e %U %S' -o "$TMP/t" java -Xmx512m -jar "$jar" parse "${args[@]}" > /dev/null
    cat "$TMP/t" >> "$TMP/$side"
  done
done

python3 - "$TMP/old" "$TMP/new" "$PASSES" "$ROUNDS" <<'PYEOF'
import statistics, sys
items = int(sys.argv[3]) * 4200
med = statistics.median
rows = {}
for side, path in (("old", sys.argv[1]), ("new", sys.argv[2])):
    runs = [list(map(float, l.split())) for l in open(path)]
    wall = med(r[0] for r in runs)
    cpu = med(r[1] + r[2] for r in runs)
    rows[side] = (wall, cpu)
    print(f"{side}: wall {wall:.1f} s ({items / wall:,.0f} items/s), CPU {cpu:.1f} s ({items / cpu:,.0f} items per CPU-s)"
          f"   runs: {', '.join('%.1f/%.1f' % (r[0], r[1] + r[2]) for r in runs)}")
print(f"new/old: wall rate {rows['old'][0] / rows['new'][0]:.2f}, CPU rate {rows['old'][1] / rows['new'][1]:.2f}"
      f"  ({sys.argv[4]} rounds of {items:,} items, alternating)")
PYEOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
