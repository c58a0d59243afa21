#!/bin/bash
# The markdown reader from the command line: a fixture with every construct
# gives valid TEI that reads back byte-identical; a plain .md is recognised;
# bad front matter is an error with its line and no output.
set -euo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
md="$FIXTURES/markdown"

"$IMPRINT" inspect --dialect markdown "$md/all.md" >"$T/a.xml" 2>"$T/err"
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" "$T/a.xml"
grep -q "warning: raw HTML '<span>' kept as text" "$T/err"
grep -q "warning: note \[^unused\] is defined but never referenced" "$T/err"
grep -q '<head>Every Construct</head>' "$T/a.xml"
grep -q '<docAuthor>Bo Editor</docAuthor>' "$T/a.xml"
grep -q '<head>Section with a note<note place="foot" n="head"' "$T/a.xml"
grep -q '<hi rend="sup">2</hi>' "$T/a.xml"
grep -q '<cell>Ж</cell>' "$T/a.xml"
# a second reference to a named note carries the note's own label
grep -q '<ptr type="noteref" target="#a1-n1" n="first"/>' "$T/a.xml"
# front matter and inline HTML do not make a .md file a PDF export
"$IMPRINT" inspect "$md/all.md" >/dev/null 2>"$T/all.err"
grep -q "read as dialect 'markdown'" "$T/all.err"

"$IMPRINT" inspect --dialect tei "$T/a.xml" >"$T/b.xml"
cmp "$T/a.xml" "$T/b.xml"

# a plain .md file is read as markdown, and auto says so
"$IMPRINT" inspect "$md/title_heading.md" >"$T/t.xml" 2>"$T/t.err"
grep -q "read as dialect 'markdown'" "$T/t.err"
grep -q '<head>The Title From a Heading</head>' "$T/t.xml"
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" "$T/t.xml"
"$IMPRINT" inspect --dialect tei "$T/t.xml" >"$T/t2.xml"
cmp "$T/t.xml" "$T/t2.xml"

# broken YAML front matter: exit 1, the message names the file and line, no TEI
set +e
"$IMPRINT" inspect --dialect markdown "$md/bad_yaml.md" >"$T/bad.xml" 2>"$T/bad.err"
rc=$?
set -e
test "$rc" -eq 1
grep -q "bad_yaml.md:[0-9]*:[0-9]*: error: front matter" "$T/bad.err"
test ! -s "$T/bad.xml"
