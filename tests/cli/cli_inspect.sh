# imprint inspect: TEI (valid TEI Lite) or an outline on stdout, messages on stderr.
source "$(dirname "$0")/lib/common.sh"
src="$FIXTURES/edition/sources/two.txt"

run "$IMPRINT" inspect --dialect text "$src"
expect_rc 0
expect_has "$out" "<TEI"
expect_has "$out" "Text of the second piece."
printf '%s\n' "$out" >"$T/two.xml"
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" "$T/two.xml" 2>"$T/rng.log" ||
    fail "inspect output is not valid TEI Lite: $(cat "$T/rng.log")"
# A dialect that is given is not announced.
expect_lacks "$err" "read as dialect"

# auto: the choice is announced on stderr, never mixed into the TEI.
run "$IMPRINT" inspect "$src"
expect_rc 0
expect_has "$err" "two.txt: note: read as dialect 'text' because"
expect_lacks "$out" "read as dialect"
# -q keeps notes and warnings back.
run "$IMPRINT" inspect -q "$src"
expect_rc 0
[ -z "$err" ] || fail "inspect -q printed: $err"

# The outline names each article with its source line.
run "$IMPRINT" inspect --as outline "$FIXTURES/edition/sources/nbsp.txt"
expect_rc 0
expect_has "$out" "Other"
[ -n "$out" ] || fail "empty outline"
expect_lacks "$out" "<TEI"

# Several sources go into one document, in order.
run "$IMPRINT" inspect --as outline "$src" "$FIXTURES/edition/sources/nbsp.txt"
expect_rc 0
first=$(grep -n "Piece" <<<"$out" | head -n1 | cut -d: -f1)
second=$(grep -n "Other" <<<"$out" | head -n1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] ||
    fail "sources not in the order given: $out"

# Input errors exit 1 and print nothing on stdout.
run "$IMPRINT" inspect "$T/missing.txt"
expect_rc 1
expect_has "$err" "missing.txt: error: cannot read: No such file or directory"
[ -z "$out" ] || fail "output printed despite an error: $out"
run "$IMPRINT" inspect "$src" "$T/missing.txt"
expect_rc 1
[ -z "$out" ] || fail "output printed despite an error in the second source"


# One edition file: the document it makes (select and title applied).
cp "$FIXTURES/edition/sources/two.txt" "$T/two.txt"
cat >"$T/pick.yaml" <<'YAML'
title: Pick one
articles:
  - source: two.txt
    dialect: text
    split: [First Piece, Second Piece]
    select: Second Piece
    title: Renamed Piece
YAML
run "$IMPRINT" inspect --as outline "$T/pick.yaml"
expect_rc 0
expect_has "$out" "Renamed Piece"
expect_lacks "$out" "First Piece"
run "$IMPRINT" inspect "$T/pick.yaml" "$src"
expect_rc 2
expect_has "$err" "is an edition: give one edition file or sources only"
echo "ok: edition"
