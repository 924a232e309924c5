#!/usr/bin/env bash
# Clustering benchmark (issue 18): quality on the labelled sets and the cost of one incoming story.
#
#   src/bench/cluster-bench.sh [PER_DAY] [DAYS]   (defaults 10000 and 3; needs target/karvon.jar and target/test-classes:
#                                                 mvn -q -B package -DskipTests)
#
# 1. B-cubed precision, recall and F1 of `EventClusterer` on src/test/resources/cluster/labelled.jsonl and
#    holdout.jsonl, overall and per language pair, in publication order and over 20 arrival orders in which each
#    story comes up to 12 hours late (ClusterEvaluation, src/test/java/uz/karvon/cluster/).
# 2. Per-story cost at PER_DAY stories a day for DAYS days of a synthetic stream made from the labelled stories
#    (ClusterBench): wall and CPU time of EventClusterer.add after the first day, window size, heap.
# Everything runs in one JVM per step with -Xmx512m; nothing listens on the network.
set -euo pipefail
cd "$(dirname "$0")/../.."
PER_DAY=${1:-10000}
DAYS=${2:-3}
JAR=${JAR:-target/karvon.jar}
[ -f "$JAR" ] && [ -d target/test-classes/uz/karvon/cluster ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 2; }
CP="$JAR:target/test-classes"

for set in labelled holdout; do
  echo "== $set.jsonl"
  java -Xmx512m -cp "$CP" uz.karvon.cluster.ClusterEvaluation "src/test/resources/cluster/$set.jsonl" --orders 20
done
echo "== cost: $PER_DAY stories a day, $DAYS days"
java -Xmx512m -cp "$CP" uz.karvon.cluster.ClusterBench "$PER_DAY" "$DAYS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
