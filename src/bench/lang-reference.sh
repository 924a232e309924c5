#!/usr/bin/env bash
# The labelled language sets through Lingua 1.2.2, a published language-identification model that runs in
# the JVM offline (Apache 2.0; fetched from Maven Central into ~/.m2, never a dependency of karvon).
# Prints one table per set (Markdown). Needs about 2 GB of heap for Lingua's preloaded models.
# Usage: src/bench/lang-reference.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>lingua-reference</artifactId><version>1</version>
  <dependencies><dependency><groupId>com.github.pemistahl</groupId><artifactId>lingua</artifactId><version>1.2.2</version></dependency></dependencies>
</project>
POM
mvn -q -B -ntp -f "$TMP/pom.xml" dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" >/dev/null
CP=$(cat "$TMP/cp.txt")
for set in detect-testset detect-open-world; do
  echo "### $set"
  java -Xmx3g -cp "$CP" src/bench/LinguaReference.java "src/test/resources/lang/$set.tsv"
done
