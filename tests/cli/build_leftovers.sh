# Leftovers and half-results (issue 11): temporaries of killed builds are
# removed by the next build of the edition, never while a build holds them;
# an edition that fails leaves none of its outputs, new or old, in any
# format (a bad cover, a year past 9999, a format that fails); a depfile
# quotes ':' in file names.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
make_edition alpha

# A temporary a killed build left (no one holds its lock) and one a running
# build holds (flock(1) takes the same lock imprint takes).
mkdir out
echo partial >out/.alpha.pdf.Ab3dE9
echo partial >out/.alpha.xml.zZ0000
echo held >out/.alpha.epub.hElD00
echo other >out/.beta.pdf.Ab3dE9
echo other >out/.alpha.pdf.longer-suffix
# shellcheck disable=SC2016
bash -c 'exec 9<>"$1" && flock 9 && exec sleep 60' holder out/.alpha.epub.hElD00 &
holder=$!
# wait until the holder has the lock
for _ in $(seq 500); do
    flock -n out/.alpha.epub.hElD00 true || break
    sleep 0.01
done
run "$IMPRINT" build -f tei -o out alpha.yaml
expect_rc 0 "build beside temporaries"
expect_has "$err" "out/.alpha.pdf.Ab3dE9: note: removed the temporary file of an interrupted build"
expect_has "$err" "out/.alpha.xml.zZ0000: note: removed the temporary file of an interrupted build"
[ ! -e out/.alpha.pdf.Ab3dE9 ] && [ ! -e out/.alpha.xml.zZ0000 ] || fail "a stale temporary is left"
[ -e out/.alpha.epub.hElD00 ] || fail "a temporary a running build holds was removed"
[ -e out/.beta.pdf.Ab3dE9 ] || fail "another edition's temporary was removed"
[ -e out/.alpha.pdf.longer-suffix ] || fail "a file that is no temporary was removed"
kill "$holder"
wait "$holder" 2>/dev/null || true
run "$IMPRINT" build -f tei -o out alpha.yaml
expect_rc 0 "build after the holder ended"
[ ! -e out/.alpha.epub.hElD00 ] || fail "the temporary was not removed once no build held it"
echo "ok: stale temporaries removed, a held one kept until its holder ended"

# A failing edition leaves none of its outputs: here the PDF fails (its
# name is taken by a folder) between the EPUB and the TEI, both written.
mkdir fails
"$IMPRINT" build -q -o fails alpha.yaml || fail "the good build failed"
rm fails/alpha.pdf
mkdir fails/alpha.pdf
run "$IMPRINT" build -o fails alpha.yaml
expect_rc 1 "failing PDF"
expect_has "$err" "fails/alpha.pdf: error: cannot write"
expect_has "$err" "fails/alpha.epub: note: removed: written by this build, but the edition failed"
expect_has "$err" "fails/alpha.xml: note: removed: written by this build, but the edition failed"
[ -z "$(find fails -type f)" ] || fail "a failed edition left: $(find fails -type f)"
echo "ok: an edition whose PDF fails leaves no EPUB, PDF or TEI"

sed 's/^date: .*/&\npdf:\n  paper: a4/' alpha.yaml >alpha-a4.yaml

# A cover that fails its check, and a year past 9999: nothing is written,
# in any format, and what an earlier build left goes too.
make_edition beta
printf 'not an image' >fake.png
sed 's/^date: .*/&\ncover: fake.png/' beta.yaml >beta-cover.yaml
mkdir cover
"$IMPRINT" build -q -o cover beta.yaml
cp beta-cover.yaml beta.yaml
run "$IMPRINT" build -o cover beta.yaml
expect_rc 1 "bad cover"
expect_has "$err" "fake.png is not a PNG or JPEG image"
expect_no_outputs cover
for f in epub pdf tei; do
    run env SOURCE_DATE_EPOCH=253402300800 "$IMPRINT" build -f "$f" -o "epoch-$f" alpha-a4.yaml
    expect_rc 1 "epoch $f"
    expect_has "$err" "SOURCE_DATE_EPOCH='253402300800' is not a number of seconds up to year 9999"
    expect_no_outputs "epoch-$f"
done
echo "ok: a bad cover or a year past 9999 writes nothing, in every format"

# A depfile quotes ':' (and spaces) in the names of sources.
mkdir -p 'dep/sources'
cp "$FIXTURES/edition/sources/two.txt" 'dep/sources/a:b c.txt'
cat >dep/colon.yaml <<'YAML'
title: Colon
date: 2026-11-22
articles:
  - source: "sources/a:b c.txt"
    split: [First Piece, Second Piece]
YAML
run "$IMPRINT" build -f tei -o dep/out --depfile dep/deps.d dep/colon.yaml
expect_rc 0 "depfile"
deps=$(cat dep/deps.d)
expect_has "$deps" 'dep/out/colon.xml: dep/colon.yaml dep/sources/a\:b\ c.txt'
expect_has "$deps" 'dep/sources/a\:b\ c.txt:'
# make reads it: the output is up to date, then stale once the source changes.
printf 'all: dep/out/colon.xml\ndep/out/colon.xml:\n\ttrue\ninclude dep/deps.d\n' >Makefile
make -q all || fail "make does not see dep/out/colon.xml as up to date"
touch -d '+1 minute' 'dep/sources/a:b c.txt'
if make -q all; then fail "make does not see that the source with ':' changed"; fi
echo "ok: the depfile quotes ':'"
