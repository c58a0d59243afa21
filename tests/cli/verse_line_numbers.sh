# Numbers in a poem's margin ("…waiting in the dark.      5", every fifth
# line) are the lines' numbers, not their text: tests/fixtures/verse_numbers
# with its lookalike, numbers set off after lines that do not count them
# (a list of hymns with their pages). The TEI gives them as <l n="5">,
# validates and reads back the same; the EPUB puts each in the margin
# (span.lineno) and passes epubcheck; the PDF has no margin number and the
# lines' words whole.
source "$(dirname "$0")/lib/common.sh"

cp "$FIXTURES"/verse_numbers/* "$T/"
cd "$T"
export SOURCE_DATE_EPOCH=0
run "$IMPRINT" build verse.yaml -o out
expect_rc 0
expect_has "$err" "numbered.txt:3:1: note: numbers in the margin of the stanza taken as its lines' numbers"
expect_lacks "$err" "lookalike.txt:5:1: note: numbers in the margin"

xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/verse.xml 2>rng.log ||
    fail "TEI does not validate: $(cat rng.log)"
[ "$(grep -o '<l n="[0-9]*">' out/verse.xml | tr '\n' ' ')" = '<l n="5"> <l n="10"> <l n="15"> ' ] ||
    fail "TEI: the numbered lines are not 5, 10, 15: $(grep -o '<l n=[^>]*>' out/verse.xml)"
expect_has "$(cat out/verse.xml)" '<l n="5">Where the great wheel stood waiting in the dark.</l>'
expect_has "$(cat out/verse.xml)" 'Abide With Me'
expect_has "$(cat out/verse.xml)" '31'
run "$IMPRINT" inspect --as tei out/verse.xml
expect_rc 0
[ "$(grep -c '<l n="' <<<"$out")" = 3 ] || fail "TEI read back: not 3 numbered lines"
echo "ok: TEI: lines 5, 10, 15 numbered; the hymns' pages stay text; valid; read back the same"

unzip -p out/verse.epub OEBPS/a001.xhtml >a001.xhtml
expect_has "$(cat a001.xhtml)" '<p class="line"><span class="lineno">10</span>He did not move; the wheel began to turn;</p>'
[ "$(grep -c 'class="lineno"' a001.xhtml)" = 3 ] || fail "EPUB: not 3 line numbers"
expect_epubcheck_clean out/verse.epub
echo "ok: EPUB: the numbers in span.lineno; epubcheck clean"

qpdf --check out/verse.pdf >/dev/null || fail "qpdf --check failed"
text=$(pdftotext out/verse.pdf -)
expect_has "$text" "Where the great wheel stood waiting in the dark."
expect_lacks "$text" "dark. 5"
echo "ok: PDF: the lines without their margin numbers"
