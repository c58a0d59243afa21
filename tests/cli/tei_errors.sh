#!/usr/bin/env bash
# `imprint inspect --dialect tei` on bad and hand-corrected TEI: malformed
# XML is an error with line and column, exit 1 and nothing on stdout;
# unknown markup is a warning with its line and its text is kept.
set -u
: "${IMPRINT:?}" "${SOURCE_DIR:?}" "${FIXTURES:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { # DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then echo "ok $what"; else echo "FAIL $what"; fail=1; fi
}

f="$FIXTURES/tei/malformed_mismatch.xml"
"$IMPRINT" inspect --dialect tei "$f" >"$work/out" 2>"$work/err"
status=$?
check "malformed: exit 1 (got $status)" test "$status" = 1
check "malformed: nothing on stdout" test ! -s "$work/out"
check "malformed: error with line and column" \
    grep -Eq "^$f:8:[0-9]+: error: malformed XML: Opening and ending tag mismatch" "$work/err"

f="$FIXTURES/tei/malformed_truncated.xml"
"$IMPRINT" inspect --dialect tei "$f" >"$work/out" 2>"$work/err"
status=$?
check "truncated: exit 1 (got $status)" test "$status" = 1
check "truncated: error with line and column" grep -Eq "^$f:[0-9]+:[0-9]+: error: malformed XML" "$work/err"

f="$FIXTURES/tei/hand_corrected.xml"
"$IMPRINT" inspect --dialect tei "$f" >"$work/hand.xml" 2>"$work/err"
status=$?
check "hand-corrected: exit 0 (got $status)" test "$status" = 0
check "hand-corrected: unknown element warned at its line" \
    grep -q "^$f:10:[0-9]*: warning: unknown element <persName>" "$work/err"
check "hand-corrected: unknown attribute warned at its line" \
    grep -q "^$f:12:[0-9]*: warning: attribute rend of <p>" "$work/err"
check "hand-corrected: the unknown element's text is kept" \
    grep -q "<p>Said by Leon Trotsky in 1937.</p>" "$work/hand.xml"
check "hand-corrected: output is valid TEI Lite" \
    xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" "$work/hand.xml"

"$IMPRINT" inspect --dialect tei --as outline "$f" >"$work/outline" 2>/dev/null
check "hand-corrected: outline" diff -u - "$work/outline" <<EOF
# $f
8: article [1 notes] Hand made
17: article [0 notes] (untitled)
EOF
exit "$fail"
