#!/bin/bash
# Corpus 004 (Markdown exported from a PDF) through the pdf-markdown reader:
# the TEI validates against TEI Lite, auto-detection picks the same reader and
# says so, the reordering is reported, and the TEI reads back to itself.
set -euo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
src="$SOURCE_DIR/editions/sources/004_558719087223f094.txt"

"$IMPRINT" inspect --dialect pdf-markdown "$src" 2>/dev/null |
    xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" -

"$IMPRINT" inspect --dialect pdf-markdown "$src" >"$T/a.xml" 2>"$T/err"
grep -q "note: reading order: 70 page fragments, 41 moved, 3 parts" "$T/err"
grep -q "note: contents table (lines 28-49, 18 entries) recognised and dropped" "$T/err"
grep -q ":221:1: warning: note 1-21 is defined but never referenced" "$T/err"
if grep -q ": error:" "$T/err"; then
    echo "unexpected error" >&2
    exit 1
fi

"$IMPRINT" inspect "$src" >"$T/auto.xml" 2>"$T/auto.err"
grep -q "read as dialect 'pdf-markdown'" "$T/auto.err"
cmp "$T/a.xml" "$T/auto.xml"

# every note is in the TEI, none of the export's markup is
test "$(grep -c '<note place="foot"' "$T/a.xml")" -eq 143
if grep -E -q '&lt;(/?sup|b|i|br)|\*\*|---' "$T/a.xml"; then
    echo "export markup reached the TEI" >&2
    exit 1
fi
grep -q 'самоуправление' "$T/a.xml"

# text -> TEI -> model -> TEI is byte-identical
"$IMPRINT" inspect --dialect tei "$T/a.xml" >"$T/b.xml"
cmp "$T/a.xml" "$T/b.xml"

# order: source keeps the file's order (an edition asks for it)
cat >"$T/source-order.yaml" <<YAML
title: File order
articles:
  - source: $src
    order: source
YAML
"$IMPRINT" inspect "$T/source-order.yaml" >"$T/s.xml" 2>"$T/s.err"
grep -q "order: source" "$T/s.err"
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" "$T/s.xml"
