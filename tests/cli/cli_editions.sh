# The bundled editions: each reads without error, the anthology's `select`s
# find their articles in the corpus, and each builds to valid TEI.
source "$(dirname "$0")/lib/common.sh"
editions=("$SOURCE_DIR"/editions/*.yaml)
[ ${#editions[@]} -ge 5 ] || fail "expected at least 5 bundled editions, found ${#editions[@]}"

run "$IMPRINT" lint "${editions[@]}"
expect_rc 0 "lint of the bundled editions"
expect_has "$err" "0 errors"

# The anthology: five articles, in edition order, from three sources (a
# no-break space the source keeps in a title counts as a space).
run "$IMPRINT" inspect -q --as outline "$SOURCE_DIR/editions/anthology.yaml"
expect_rc 0
got=$(grep -E '^[0-9]+: article' <<<"$out" | sed -E 's/^[0-9]+: article \[[0-9]+ notes?\] //' | LC_ALL=C sed 's/\xc2\xa0/ /g')
want="Analyzing the Moscow Trials
The Moscow Trials, Part 1: The Investigation
The Moscow Trials, Part 2: Court Proceedings
The Moscow Trials, Part 3: The Great Purge
The Liquidation of the Bolshevik Cadre"
[ "$got" = "$want" ] || fail "anthology articles:
$got
wanted:
$want"

run "$IMPRINT" build -q -f tei -j 2 -o "$T/out" "${editions[@]}"
expect_rc 0 "TEI build of the bundled editions"
for ed in "${editions[@]}"; do
    name=$(basename "$ed" .yaml)
    [ -s "$T/out/$name.xml" ] || fail "no $name.xml"
    xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" "$T/out/$name.xml" 2>"$T/rng.log" ||
        fail "$name.xml is not valid TEI Lite: $(tail -n 5 "$T/rng.log")"
done
echo "ok: ${#editions[@]} editions"
