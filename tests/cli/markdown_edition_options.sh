#!/bin/bash
# An edition's `split:` on a markdown or pdf-markdown source is an error
# naming the file (no output is written); `order: source` on a markdown source
# is a warning and the book is built.
set -euo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
md="$FIXTURES/markdown/title_heading.md"
pdfmd="$FIXTURES/pdfmd/inline.md"

for pair in "markdown:$md" "pdf-markdown:$pdfmd"; do
    dialect=${pair%%:*}
    src=${pair#*:}
    cat >"$T/split.yaml" <<YAML
title: Split
articles:
  - source: $src
    dialect: $dialect
    split: ["First Section"]
YAML
    status=0
    "$IMPRINT" build "$T/split.yaml" -o "$T/out-$dialect" -f tei 2>"$T/split.err" || status=$?
    test "$status" -eq 1
    grep -q "$src: error: split applies to the text dialect only" "$T/split.err"
    test ! -e "$T/out-$dialect/split.xml"
done

cat >"$T/order.yaml" <<YAML
title: Order
articles:
  - source: $md
    dialect: markdown
    order: source
YAML
"$IMPRINT" build "$T/order.yaml" -o "$T/out" -f tei 2>"$T/order.err"
grep -q "$md: warning: 'order: source' applies to the pdf-markdown dialect only" "$T/order.err"
grep -q '<head>The Title From a Heading</head>' "$T/out/order.xml"
