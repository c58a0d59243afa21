#!/bin/bash
# An edition's `navigation:` reaches the markdown reader: `drop` drops a
# scraped page's breadcrumb and "top of the page" lines (each a note), the
# default keeps them (each a note too); the same source may be named twice
# with both settings and is read once for each.
set -euo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
md="$FIXTURES/markdown/navigation.md"
cat >"$T/nav.yaml" <<YAML
title: Navigation
articles:
  - source: $md
    navigation: drop
    title: Dropped
  - source: $md
    title: Kept
YAML
"$IMPRINT" lint "$T/nav.yaml" >"$T/lint.out" 2>"$T/lint.err"
test "$(grep -c "note: site navigation (.*) dropped, as 'navigation: drop' asks" "$T/lint.out")" -eq 4
test "$(grep -c "note: this looks like site navigation (.*); kept" "$T/lint.out")" -eq 4
"$IMPRINT" inspect "$T/nav.yaml" >"$T/nav.xml" 2>/dev/null
# kept once (the second article), dropped once (the first)
test "$(grep -c 'Top of the page' "$T/nav.xml")" -eq 1
test "$(grep -c 'The post.s first paragraph' "$T/nav.xml")" -eq 2
