# imprint lint: every message as path:line:col: severity: message; exit 1 on errors.
source "$(dirname "$0")/lib/common.sh"

# Every line of lint's output follows the compiler convention.
check_format() {
    local bad
    bad=$(grep -vE '^[^:]+(:[0-9]+:[0-9]+)?: (error|warning|note): .+' <<<"$1" || true)
    [ -z "$bad" ] || fail "lines not in path:line:col: severity: message form: $bad"
}

# A corpus text: the reader's guesses are printed, no error.
run "$IMPRINT" lint "$SOURCE_DIR/editions/sources/003_0bac6d7f76fcfd08.txt"
expect_rc 0
check_format "$out"
expect_has "$out" "003_0bac6d7f76fcfd08.txt: note: read as dialect 'text'"
expect_has "$err" "0 errors"

# A good edition: exit 0; its source's messages are printed.
make_edition good
run "$IMPRINT" lint "$T/good.yaml"
expect_rc 0
check_format "$out"

# A typo in an edition: exit 1, at the line and column of the key.
cat >"$T/typo.yaml" <<'YAML'
title: Typo
articles:
  - source: sources/two.txt
    selcet: First Piece
YAML
run "$IMPRINT" lint "$T/typo.yaml"
expect_rc 1
check_format "$out"
expect_has "$out" "$T/typo.yaml:4:5: error: unknown key 'selcet' (did you mean 'select'?)"
expect_has "$err" "1 error,"

# The fixture with a misspelt top-level key.
run "$IMPRINT" lint "$FIXTURES/edition/typo.yaml"
expect_rc 1
expect_has "$out" "edition/typo.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?)"

# Several files: every message of each, and exit 1 if any has an error.
run "$IMPRINT" lint "$T/good.yaml" "$T/typo.yaml" "$T/missing.txt"
expect_rc 1
check_format "$out"
expect_has "$out" "typo.yaml:4:5: error"
expect_has "$out" "missing.txt: error: cannot read"

# Invalid UTF-8 in a source: the byte offset, at its line and column.
printf 'Title\n\nab\xe9cd\n' >"$T/latin1.txt"
run "$IMPRINT" lint "$T/latin1.txt"
expect_rc 1
expect_has "$out" "latin1.txt:3:3: error: invalid UTF-8 at byte 9 (0xE9)"

# Messages in the order of the text: the reader reports a note's pairing
# after the sidenotes below it, lint lists them by line.
cp "$SOURCE_DIR/tests/fixtures/text/shapes/notes_lettered.txt" "$T/order.txt"
cat "$SOURCE_DIR/tests/fixtures/text/shapes/sidenotes.txt" >>"$T/order.txt"
run "$IMPRINT" lint "$T/order.txt"
expect_rc 0
lines=$(grep -oE '^[^:]+:[0-9]+' <<<"$out" | cut -d: -f2)
[ "$(wc -l <<<"$lines")" -ge 8 ] || fail "too few messages with a line to judge the order"
[ "$lines" = "$(sort -n <<<"$lines")" ] || fail "lint messages not in line order: $lines"
echo "ok"
