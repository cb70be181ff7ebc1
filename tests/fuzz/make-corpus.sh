#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets, tests/fuzz/corpus/<target>/,
# from the real files in the tree: slices of the UN, OFAC and BIS lists of
# tests/data/unit/party/real (whole files are megabytes; a fuzzer wants
# small inputs that still hold every kind of record), the hand-made broken
# list files, the configuration fixtures and example, rule files and sample
# declarations.  Run it again when those files change; the output is
# committed so that a fuzz run needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus
real=tests/data/unit/party/real
bad=tests/data/unit/party/bad
# httpguard/ holds hand-written requests (see its target): kept as they are.
rm -rf "$out"/{decl,wco,rules,un_xml,ofac_csv,bis_dpl,conf}
mkdir -p "$out"/{decl,wco,rules,un_xml,ofac_csv,bis_dpl,conf}

# UN consolidated list: the header, a few individuals or entities, the end.
python3 - "$real/UN_consolidated.xml" "$out/un_xml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
head = text[:text.index("<INDIVIDUALS>")]
inds = re.findall(r"    <INDIVIDUAL>.*?</INDIVIDUAL>\n", text, re.S)
ents = re.findall(r"    <ENTITY>.*?</ENTITY>\n", text, re.S)
def doc(i, e):
    return (head + "<INDIVIDUALS>\n" + "".join(i) + "  </INDIVIDUALS>\n  <ENTITIES>\n"
            + "".join(e) + "  </ENTITIES>\n</CONSOLIDATED_LIST>\n")
# Records with aliases, several addresses, dates and documents come first.
rich = sorted(inds, key=lambda r: -len(r))
picks = [(inds[:2], ents[:1]), (rich[:1], []), (rich[1:3], ents[1:3]), ([], ents[-2:]),
         (inds[len(inds)//2:len(inds)//2 + 2], [])]
for n, (i, e) in enumerate(picks):
    open("%s/slice-%d.xml" % (sys.argv[2], n), "w", encoding="utf-8").write(doc(i, e))
PY
cp "$bad"/*.xml "$out/un_xml/"

# OFAC SDN legacy CSV: a slice of each of the three files, and the broken ones.
for f in sdn alt add; do
    head -n 25 "$real/$f.csv" >"$out/ofac_csv/$f-head.csv"
    sed -n '5000,5025p' "$real/$f.csv" >"$out/ofac_csv/$f-middle.csv"
done
for f in "$bad"/sdn.csv.rows "$bad"/sdn.csv.unterminated "$bad"/alt.csv.rows "$bad"/csl_as_sdn.csv "$bad"/sdn_comments_as_alt.csv; do
    cp "$f" "$out/ofac_csv/"
done

# BIS Denied Persons List: header and slices, and the broken ones.
head -n 30 "$real/dpl.txt" >"$out/bis_dpl/dpl-head.txt"
{ head -n 1 "$real/dpl.txt"; sed -n '400,430p' "$real/dpl.txt"; } >"$out/bis_dpl/dpl-middle.txt"
cp "$bad/dpl.txt.header" "$bad/dpl.txt.rows" "$out/bis_dpl/"

# The configuration loader: the example and the unit-test fixtures.
cp contrib/cordond.yaml "$out/conf/cordond.yaml"
for f in tests/data/unit/conf/*.yaml; do cp "$f" "$out/conf/"; done

# Rule files: the test fixtures and the two smallest shipped lists.
for f in tests/data/unit/rules/good/*.yaml tests/data/unit/rules/bad/*.yaml \
    tests/data/unit/screen/rules/*.yaml tests/data/integration/rules-broken/chemicals.yaml; do
    cp "$f" "$out/rules/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for f in $(ls -S rules/*.yaml | tail -2); do cp "$f" "$out/rules/shipped-$(basename "$f")"; done

# Declarations: the samples and the screening test cases, one per file.
n=0
while IFS= read -r line; do
    n=$((n + 1)); printf '%s' "$line" >"$out/decl/sample-$n.json"
done <contrib/samples.ndjson
python3 - tests/data/unit/screen/cases.ndjson "$out/decl" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if not line.strip():
        continue
    case = json.loads(line)
    decl = case.get("declaration", case)
    open("%s/case-%d.json" % (sys.argv[2], n), "w", encoding="utf-8").write(json.dumps(decl, ensure_ascii=False))
PY
# Inputs that once stopped a target, kept as seeds so that every run
# replays them: an invalid escape before raw non-ASCII bytes made jansson's
# error text invalid UTF-8, and no error object was built (the 20-byte
# request that killed cordond).
printf '{"reference":"\\\xc3\xa9"}' >"$out/decl/regress-escape-2byte.json"
printf '{"reference":"\\\xe2\x82\xac"}' >"$out/decl/regress-escape-3byte.json"
printf '{"reference":"\\\xf0\x9f\x98\x80"}' >"$out/decl/regress-escape-4byte.json"
printf '{"note":"\\\xc3\xa9"}' >"$out/decl/regress-escape-note.json"
printf '{"reference":"\\\xff\xfe"}' >"$out/decl/regress-escape-invalid.json"
# WCO DEC-DMS declarations: a dozen real HMRC samples spread over sizes
# (movement messages, simplified, full, amendments) and the malformed ones.
for f in $(ls -S tests/data/wco/hmrc/declarations/*.xml | awk 'NR % 26 == 0') tests/data/wco/hmrc/malformed/*.xml; do
    cp "$f" "$out/wco/"
done
du -sh "$out"/* | sed 's/^/# /'
