#!/usr/bin/env bash
# Quirk corpus (issue 12): `karvon parse` over every quirk fixture plus the bench corpus, counting per class what
# karvon reads correctly.
#
#   src/bench/quirk-corpus.sh                  (needs target/karvon.jar: mvn -q -o package -DskipTests)
#   JAR=old.jar src/bench/quirk-corpus.sh      (another build, e.g. main before the change, for comparison)
#
# Fixtures: src/test/resources/ingest/parse/quirks/<class>/*, one small feed per quirk, and quirks.tsv, what the
# JSON Feed line for each must hold (see make_quirks.py for the check syntax). A fixture counts as recovered when
# every one of its checks holds; a row whose quirk is an HTTP header (content type) is left to FeedQuirksTest.
# "safety" rows count when a hostile input is still refused or defanged.
# Bench corpus: small/, medium/ and large/ of src/bench/GenCorpus.java (as parse-bench.sh makes it); counted as feeds
# parsed and items read.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-target/karvon.jar}
QUIRKS=src/test/resources/ingest/parse/quirks
BASE_URL=https://quirks.example/feeds/main.xml
[ -f "$JAR" ] || { echo "build first: mvn -q -o package -DskipTests" >&2; exit 2; }

TMP=$(mktemp -d /tmp/karvon-quirks.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# the fixture list in manifest order (rows with a content type are run by FeedQuirksTest only)
python3 - "$QUIRKS/quirks.tsv" "$QUIRKS" > "$TMP/files" <<'PYEOF'
import os, sys
base = sys.argv[2]
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    if f[1] == "-":
        print(os.path.normpath(os.path.join(base, f[0])))
PYEOF
mapfile -t FILES < "$TMP/files"

# builds before issue 12 have no --base-url: then they run without it (their relative links resolve against file:)
if java -jar "$JAR" parse --help 2>&1 | grep -q -- --base-url; then
  java -jar "$JAR" parse --base-url "$BASE_URL" "${FILES[@]}" > "$TMP/quirks.ndjson" 2> "$TMP/quirks.err" || true
else
  echo "note: $JAR has no --base-url option; running without it"
  java -jar "$JAR" parse "${FILES[@]}" > "$TMP/quirks.ndjson" 2> "$TMP/quirks.err" || true
fi

python3 - "$QUIRKS/quirks.tsv" "$TMP/quirks.ndjson" <<'PYEOF'
import collections, json, sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    rows.append((f[0], f[1], f[2:]))
out = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]

def at(node, path):
    for part in path.split("."):
        if node is None:
            return None
        if isinstance(node, list):
            node = node[int(part)] if part.isdigit() and int(part) < len(node) else None
        else:
            node = node.get(part)
    return node

def text(v):
    return None if v is None else (v if isinstance(v, str) else json.dumps(v) if isinstance(v, (dict, list)) else str(v))

def holds(feed, check):
    err = feed.get("_karvon", {}).get("error") if "version" not in feed else None
    if check.startswith("error ~ "):
        return err is not None and check[8:] in err
    if err is not None:
        return False
    if check.startswith("! "):
        return at(feed, check[2:].strip()) is None
    for op in (" #= ", " !~ ", " ~ ", " = "):
        if op in check:
            path, value = check.split(op, 1)
            v = at(feed, path.strip())
            if op == " = ":
                return text(v) == value
            if op == " ~ ":
                return v is not None and value in text(v)
            if op == " !~ ":
                return v is None or value not in text(v)
            return len(v or []) == int(value)
    raise ValueError(check)

per = collections.OrderedDict()
failed = []
i = 0
for path, ctype, checks in rows:
    cls = path.split("/")[0]
    ok_total = per.setdefault(cls, [0, 0, 0])
    if ctype != "-":
        ok_total[2] += 1
        continue
    feed = out[i]; i += 1
    ok_total[1] += 1
    if all(holds(feed, c) for c in checks):
        ok_total[0] += 1
    else:
        failed.append((path, [c for c in checks if not holds(feed, c)], feed.get("_karvon", {}).get("error")))
print("quirk fixtures (class: read correctly / fixtures)")
tot_ok = tot = 0
for cls, (ok, total, skipped) in per.items():
    tot_ok += ok; tot += total
    note = f"   (+{skipped} header row{'s' if skipped > 1 else ''} left to FeedQuirksTest)" if skipped else ""
    print(f"  {cls:10s} {ok:4d} / {total:<4d} {100.0 * ok / total:5.1f} %{note}")
print(f"  {'all':10s} {tot_ok:4d} / {tot:<4d} {100.0 * tot_ok / tot:5.1f} %")
for path, bad, err in failed:
    print(f"  not read: {path}: {'refused: ' + err if err else '; '.join(bad)}")
PYEOF

java src/bench/GenCorpus.java --out "$TMP/corpus" --no-poll-files 2> "$TMP/gen.log"
java -jar "$JAR" parse "$TMP/corpus/small" "$TMP/corpus/medium" "$TMP/corpus/large" > "$TMP/bench.ndjson" 2> /dev/null || true
python3 - "$TMP/bench.ndjson" "$TMP/corpus" <<'PYEOF'
import json, os, sys
feeds = ok = items = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); feeds += 1
    if "version" in d:
        ok += 1; items += len(d.get("items", []))
files = sum(len(os.listdir(os.path.join(sys.argv[2], d))) for d in ("small", "medium", "large"))
print(f"bench corpus: {ok} / {feeds} feeds parsed ({files} files), {items} items")
PYEOF
