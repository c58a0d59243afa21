# Copies of one text: lint and inspect of several sources report them (and
# nothing for two articles that only share a quotation and a bibliography);
# an edition's `duplicates:` warns (both kept, each the other's witness in
# the EPUB and PDF colophons and the TEI header), keeps the fuller copy, or
# fails; the outputs pass epubcheck, qpdf and the TEI Lite schema.
source "$(dirname "$0")/lib/common.sh"

F="$FIXTURES/compare"
cp "$F"/*.md "$F/duplicates.yaml" "$T/"
cd "$T"

# lint of several sources: one warning a pair, at the later copy.
run "$IMPRINT" lint same_1.md same_2.md variant_1.md variant_2.md quote_1.md quote_2.md
expect_rc 0
expect_has "$out" 'same_2.md:1:1: warning: same text as same_1.md:1 "The Harbour Strike of 1911"'
expect_has "$out" 'variant_2.md:1:1: warning: variant of variant_1.md:1 "The Harbour Strike of 1911" (77% of the text shared): this copy has 1 paragraph and 1 link the other lacks; the other has 2 headings, 1 paragraph and 1 more note this one lacks'
expect_has "$out" 'variant_1.md:5:1: note: heading “The leaders” is not in the other copy (variant_2.md:1)'
expect_has "$out" 'variant_2.md:11:53: note: link https://example.org/kitchens is not in the other copy (variant_1.md:1)'
expect_has "$out" 'variant_1.md:15:1: note: 1 note here, 0 in the other copy (variant_2.md:1)'
expect_lacks "$out" 'quote_2.md:1:1: warning'
expect_lacks "$out" 'of quote_1.md'

# The lookalike alone: nothing at all about the pair.
run "$IMPRINT" lint quote_1.md quote_2.md
expect_rc 0
expect_lacks "$out" "warning"

# inspect of several sources: the figures in the outline.
run "$IMPRINT" inspect --as outline variant_1.md variant_2.md
expect_rc 0
expect_has "$out" '1:   witness: variant 77% shared variant_2.md:1 "The Harbour Strike of 1911"'
expect_has "$out" '1:   witness: variant 77% shared variant_1.md:1 "The Harbour Strike of 1911"'
expect_has "$err" 'variant_2.md:1:1: warning: variant of variant_1.md:1'

# duplicates: warn (the default) — both copies built, each names the other.
export SOURCE_DATE_EPOCH=0
run "$IMPRINT" build duplicates.yaml -o out
expect_rc 0
expect_has "$err" 'variant_2.md:1:1: warning: variant of variant_1.md:1'
run java -jar /usr/share/java/epubcheck.jar out/duplicates.epub
expect_rc 0 "epubcheck"
grep -qE 'Messages: 0 fatals / 0 errors / 0 warnings / 0 infos' <<<"$out$err" ||
    fail "epubcheck printed messages: $out $err"
unzip -p out/duplicates.epub OEBPS/colophon.xhtml >colophon.xhtml
xmllint --noout colophon.xhtml
expect_has "$(cat colophon.xhtml)" '<h2>Witnesses</h2>'
expect_has "$(cat colophon.xhtml)" '<li>The Harbour Strike of 1911: a variant (77% of the text shared) in variant_2.md, line 1<br/><a href="https://example.net/mirror/harbour">https://example.net/mirror/harbour</a></li>'
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/duplicates.xml 2>rng.log ||
    fail "TEI does not validate: $(cat rng.log)"
tei=$(cat out/duplicates.xml)
expect_has "$tei" '<bibl type="witness" subtype="variant" n="77">'
expect_has "$tei" '<idno type="file">variant_2.md</idno>'
expect_has "$tei" '<ref target="https://example.net/mirror/harbour">'
qpdf --check out/duplicates.pdf >/dev/null || fail "qpdf --check failed"
pages=$(pdfinfo out/duplicates.pdf | awk '/^Pages:/ { print $2 }')
last=$(pdftotext -f "$pages" -l "$pages" out/duplicates.pdf - | tr '\n' ' ')
expect_has "$last" "Witnesses"
expect_has "$last" "a variant (77% of the text shared) in variant_2.md, line 1"
expect_has "$(pdffonts out/duplicates.pdf)" "Libertine"
# The witness page has a bookmark of its own, pointing at its page.
# (Captured first: grep -q leaving the pipe early would fail it under pipefail.)
outlines=$(qpdf --json --json-key=outlines out/duplicates.pdf)
expect_has "$outlines" '"title": "Witnesses"'
dests=$(pdfinfo -dests out/duplicates.pdf)
grep -qE "^ *$pages .*\"witnesses\"" <<<"$dests" ||
    fail "the witnesses destination is not on the last page: $dests"

# Rebuilt: the same bytes (witnesses come in document order, not hash order).
cp out/duplicates.epub out/duplicates.pdf out/duplicates.xml .
run "$IMPRINT" build -q duplicates.yaml -o out
cmp out/duplicates.epub duplicates.epub && cmp out/duplicates.pdf duplicates.pdf &&
    cmp out/duplicates.xml duplicates.xml || fail "a rebuild changed the outputs"

# An edition without copies has no witness page or section.
sed -e '/variant_2.md/,+1d' duplicates.yaml >single.yaml
run "$IMPRINT" build single.yaml -o out -f epub,pdf
expect_rc 0
expect_lacks "$(unzip -p out/single.epub OEBPS/colophon.xhtml)" "Witnesses"
expect_lacks "$(pdftotext out/single.pdf -)" "Witnesses"

# duplicates: keep-fuller — variant_2 (more words) kept, variant_1 dropped and named.
sed -e 's/^duplicates: warn/duplicates: keep-fuller/' duplicates.yaml >fuller.yaml
run "$IMPRINT" build fuller.yaml -o out -f tei
expect_rc 0
expect_has "$err" "variant_1.md:1:1: warning: dropped from the edition (duplicates: keep-fuller); kept: variant_2.md:1 \"The Harbour Strike of 1911\", 228 words against this copy's 204"
run "$IMPRINT" inspect --as outline fuller.yaml
expect_lacks "$out" "# variant_1.md"
expect_has "$out" '1:   witness: variant 77% shared dropped variant_1.md:1 "The Harbour Strike of 1911"'
expect_has "$(cat out/fuller.xml)" '<bibl type="witness" subtype="variant-dropped" n="77">'
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/fuller.xml 2>rng.log ||
    fail "TEI does not validate: $(cat rng.log)"

# duplicates: error — the build fails, says why, and writes nothing.
sed -e 's/^duplicates: warn/duplicates: error/' duplicates.yaml >strict.yaml
run "$IMPRINT" build strict.yaml -o strict
expect_rc 1
expect_has "$err" 'variant_2.md:1:1: error: variant of variant_1.md:1'
expect_has "$err" "strict.yaml: error: copies of one text found (1 pair) and the edition says 'duplicates: error'"
expect_no_outputs strict

# A bad value: an error at its line and column.
sed -e 's/^duplicates: warn/duplicates: keepfuller/' duplicates.yaml >bad.yaml
run "$IMPRINT" lint bad.yaml
expect_rc 1
expect_has "$out" "bad.yaml:6:13: error: bad duplicates value 'keepfuller' (did you mean 'keep-fuller'?)"
echo ok
