# imprint build: -f tei writes OUT/NAME.xml only; unbuilt formats write
# nothing; -o, -j, --depfile, -q; reproducible output.
source "$(dirname "$0")/lib/common.sh"
make_edition alpha
make_edition beta
cd "$T"

# -f tei into the default folder "out", relative to the working folder.
run "$IMPRINT" build alpha.yaml -f tei
expect_rc 0
[ "$(ls out)" = "alpha.xml" ] || fail "expected out/alpha.xml only, got: $(ls -A out)"
expect_has "$(cat out/alpha.xml)" "Text of the second piece."
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/alpha.xml 2>rng.log ||
    fail "out/alpha.xml is not valid TEI Lite: $(cat rng.log)"

# -o makes the folder (and its parents).
run "$IMPRINT" build -o deep/er/dir -f tei alpha.yaml
expect_rc 0
[ -f deep/er/dir/alpha.xml ] || fail "no deep/er/dir/alpha.xml"

# The default is every format: two editions at once, with no temporary file
# left beside the outputs.
run "$IMPRINT" build -q -j 2 -o out-all alpha.yaml beta.yaml
expect_rc 0 "default formats"
want=$("$IMPRINT" --list-formats | awk '{ print "alpha." $2; print "beta." $2 }' | sort | tr '\n' ' ')
got=$(ls -A out-all | sort | tr '\n' ' ')
[ "$got" = "$want" ] || fail "out-all holds '$got', wanted '$want'"
[ "$(wc -w <<<"$want")" -eq 6 ] || fail "--list-formats should name tei, epub and pdf: $want"

# -j 2: two editions at once; messages in edition order, as with -j 1.
run "$IMPRINT" build -o out-j1 -f tei -j 1 alpha.yaml beta.yaml
expect_rc 0
serial=$err
run "$IMPRINT" build -o out-j2 -f tei -j 2 alpha.yaml beta.yaml
expect_rc 0
[ "$err" = "$serial" ] || fail "-j 2 printed messages in another order:
$err
-- with -j 1:
$serial"
[ "$(ls out-j2 | tr '\n' ' ')" = "alpha.xml beta.xml " ] || fail "out-j2 holds: $(ls out-j2)"

# Values attached to short options, as make users type them.
run "$IMPRINT" build -oout-attached -ftei -j2 alpha.yaml beta.yaml
expect_rc 0
[ -f out-attached/alpha.xml ] && [ -f out-attached/beta.xml ] || fail "-oDIR -ftei -j2 failed"

# --depfile into a folder that does not exist: refused before anything is built.
run "$IMPRINT" build -o out-nodep -f tei --depfile nowhere/deps.d alpha.yaml
expect_rc 1
expect_has "$err" "nowhere/deps.d: error: cannot write the depfile: folder 'nowhere' does not exist"
expect_no_outputs out-nodep

# --depfile: outputs depend on the edition file and its sources.
run "$IMPRINT" build -o out-dep -f tei --depfile deps.d alpha.yaml
expect_rc 0
expect_has "$(cat deps.d)" "out-dep/alpha.xml: alpha.yaml sources/two.txt"
expect_has "$(cat deps.d)" "sources/two.txt:"
# A failed build takes the depfile away with its outputs: a stale one would
# tell make that outputs exist which the build just removed.
run "$IMPRINT" build -o out-dep -f tei --depfile deps.d missing.yaml
expect_rc 1
[ ! -e deps.d ] || fail "a failed build left its old depfile"

# -q: notes and warnings are kept back, errors are not.
run "$IMPRINT" build -o out-q -f tei alpha.yaml
expect_has "$err" "note: read as dialect 'text'"
run "$IMPRINT" build -q -o out-q -f tei alpha.yaml
expect_rc 0
[ -z "$err" ] || fail "build -q printed: $err"
run "$IMPRINT" build -q -o out-q -f tei missing.yaml
expect_rc 1
expect_has "$err" "missing.yaml: error: cannot read edition"

# Same inputs, same bytes.
SOURCE_DATE_EPOCH=1700000000 "$IMPRINT" build -q -o r1 -f tei alpha.yaml
SOURCE_DATE_EPOCH=1700000000 "$IMPRINT" build -q -o r2 -f tei alpha.yaml
cmp r1/alpha.xml r2/alpha.xml || fail "two builds of the same edition differ"
echo "ok: build"
