#!/usr/bin/env bash
# Language detection speed, this build against an earlier one (default: the commit before issue 17's
# detector, 435a9c1), in CPU microseconds per LanguageDetector.detect call, one thread, after a warm-up.
# Two inputs from the labelled set src/test/resources/lang/detect-testset.tsv: the lines as they are
# (headlines and headline + sentence, 62 chars on average) and 460-char texts (several lines of one
# language joined: what LanguageResolver.sample gives the detector for an item with a summary).
# The two builds alternate ROUNDS times so that a busy machine affects both alike.
#
# Usage: mvn -q -B package -DskipTests && src/bench/lang-bench.sh [ROUNDS] [REF]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
REF=${2:-435a9c1}
JAR=target/karvon.jar
[ -f "$JAR" ] || { echo "lang-bench: $JAR missing: run mvn -q -B package -DskipTests first" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# the earlier build's lang package, compiled against this jar's libraries; its classes shadow the jar's
mkdir -p "$TMP/src" "$TMP/before"
git archive "$REF" src/main/java/uz/karvon/lang src/main/resources/lang | tar -x -C "$TMP/src"
javac -nowarn -encoding UTF-8 -cp "$JAR" -d "$TMP/before" "$TMP"/src/src/main/java/uz/karvon/lang/*.java
cp -r "$TMP/src/src/main/resources/lang" "$TMP/before/"

# inputs: tag TAB text
grep -v '^#' src/test/resources/lang/detect-testset.tsv | cut -f1,3 > "$TMP/short.tsv"
python3 - "$TMP/short.tsv" "$TMP/long.tsv" <<'PY'
import collections, sys
by = collections.defaultdict(list)
for line in open(sys.argv[1], encoding='utf-8'):
    tag, text = line.rstrip('\n').split('\t', 1)
    by[tag].append(text)
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for tag, texts in by.items():
        for i in range(len(texts)):
            out.write(tag + '\t' + ' '.join(texts[i:] + texts[:i])[:460] + '\n')
PY

for round in $(seq 1 "$ROUNDS"); do
  for input in short long; do
    printf 'round %s %-5s before (%s): ' "$round" "$input" "$REF"
    java -cp "$TMP/before:$JAR" src/bench/LangBench.java "$TMP/$input.tsv"
    printf 'round %s %-5s after  (this build): ' "$round" "$input"
    java -cp "$JAR" src/bench/LangBench.java "$TMP/$input.tsv"
  done
done
