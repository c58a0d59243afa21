# imprint diff A B: the word-level differences of two texts (two sources, or
# FILE:LINE of two articles) as a list in the compiler convention; exit
# status as diff(1)'s: 0 the same words, 1 they differ, 2 trouble.
source "$(dirname "$0")/lib/common.sh"

F="$FIXTURES/compare"
cp "$F"/*.md "$T/"
cd "$T"

check_format() {
    local bad
    bad=$(grep -vE '^[^:]+:[0-9]+:[0-9]+: (warning|error): .+' <<<"$1" || true)
    [ -z "$bad" ] || fail "lines not in path:line:col: severity: message form: $bad"
}

# The same words through quotes, dashes, no-break spaces and case: 0, nothing printed.
run "$IMPRINT" diff same_1.md same_2.md
expect_rc 0
[ -z "$out" ] || fail "expected no output, got: $out"
expect_has "$err" "0 differences"

# Two variants: 1, one line a difference, each at its place.
run "$IMPRINT" diff variant_1.md variant_2.md
expect_rc 1
check_format "$out"
expect_has "$out" "variant_1.md:5:4: warning: only in this copy: “The leaders” (2 words; not at variant_2.md:5:1)"
expect_has "$out" "variant_2.md:11:1: warning: only in this copy: “A fuller account of” (4 words; not at variant_1.md:15:7)"
expect_has "$out" "variant_1.md:15:21: warning: “accounts survive” here, “was printed by the Dock Streets History Group” in variant_2.md:11:34"
expect_has "$err" "6 differences"

# FILE:LINE names an article of a source of several.
C="$SOURCE_DIR/editions/sources"
run "$IMPRINT" diff "$C/000_c8437d6b3ad2a941.txt:1091" "$C/001_d1cafe7658540bb9.txt:1239"
expect_rc 1
check_format "$out"
expect_has "$out" "001_d1cafe7658540bb9.txt:1424:1: warning: only in this copy: “SOURCES & BIBLIOGRAPHY"
run "$IMPRINT" diff "$C/000_c8437d6b3ad2a941.txt:1" "$C/001_d1cafe7658540bb9.txt:644"
expect_rc 0
# A line inside an article names that article.
run "$IMPRINT" diff "$C/000_c8437d6b3ad2a941.txt:100" "$C/001_d1cafe7658540bb9.txt:700"
expect_rc 0

# Different texts: more than IMPRINT_DIFF_MAX_EDITS words differ — trouble.
run "$IMPRINT" diff "$C/000_c8437d6b3ad2a941.txt:709" "$C/001_d1cafe7658540bb9.txt:1"
expect_rc 2
expect_has "$out" "error: more than 2000 words differ from here on: these are different texts, not variants of one"

# Trouble: a missing file, a line before the first article; usage: not two texts.
run "$IMPRINT" diff missing.md same_1.md
expect_rc 2
expect_has "$err" "missing.md: error: cannot read"
printf '\n\n\nA Title\n\nSome text of an article that starts on line four of the file.\n' >late.txt
run "$IMPRINT" diff late.txt:2 same_1.md
expect_rc 2
expect_has "$err" "late.txt:2:1: error: no article at line 2 of late.txt (the first starts at line 4)"
run "$IMPRINT" diff same_1.md
expect_rc 2
expect_has "$err" "give two texts to compare (SOURCE or SOURCE:LINE), not 1"
run "$IMPRINT" diff --help
expect_rc 0
expect_has "$out" "imprint diff"
run "$IMPRINT" --help
expect_has "$out" "imprint diff A B"
echo ok
