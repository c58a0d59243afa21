# The EPUB's page list (issue 10): built with the PDF, every bundled
# edition's EPUB has a page-break marker where each PDF page begins and a
# page list of every folio once, in order; the words after each marker are
# the page's first words in pdftotext (tests/cli/lib/page_check.py says
# how the running heads are left out); epubcheck says nothing; rebuilds
# are byte-identical and the PDF is the one a PDF-only build writes.
# `epub: page-list: true` gives an EPUB-only build the same pages; `false`,
# and an EPUB-only build by default, give none.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
LIB=$(dirname "$0")/lib
case $LIB in /*) ;; *) LIB=$OLDPWD/$LIB ;; esac

editions=("$SOURCE_DIR"/editions/*.yaml)
run "$IMPRINT" build -q -f epub,pdf -j 2 -o both "${editions[@]}"
expect_rc 0 "EPUB and PDF of the bundled editions"
run "$IMPRINT" build -q -f epub,pdf -o again "${editions[@]}"
expect_rc 0
run "$IMPRINT" build -q -f pdf -o pdf "${editions[@]}"
expect_rc 0
run "$IMPRINT" build -q -f epub -o epub "${editions[@]}"
expect_rc 0
epubs=()
for ed in "${editions[@]}"; do
    name=$(basename "$ed" .yaml)
    style=$(sed -n 's/^style: *//p' "$ed")
    margin=$(sed -n 's/^ *margin-top: *//p' "$SOURCE_DIR/styles/${style:-classic}.yaml")
    python3 "$LIB/page_check.py" "both/$name.epub" "both/$name.pdf" "$margin" ||
        fail "$name: the EPUB's pages are not the PDF's"
    cmp both/$name.epub again/$name.epub || fail "$name: two EPUB builds differ"
    cmp both/$name.pdf again/$name.pdf || fail "$name: two PDF builds differ"
    cmp both/$name.pdf pdf/$name.pdf || fail "$name: the PDF laid out for the page list differs"
    if unzip -p "epub/$name.epub" '*.xhtml' | grep -q 'pagebreak'; then
        fail "$name: an EPUB-only build has page breaks without 'page-list: true'"
    fi
    opf=$(unzip -p "both/$name.epub" OEBPS/content.opf)
    expect_has "$opf" "<dc:source id=\"pagination\">$name.pdf (the PDF edition, a5 paper)</dc:source>"
    expect_has "$opf" '<meta refines="#pagination" property="source-of">pagination</meta>'
    expect_has "$opf" '<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>'
    epubs+=("both/$name.epub")
done
echo "ok: ${#editions[@]} editions: markers and page list match the PDF"

# One edition alone with -j 2 lays its articles out on two threads: the
# same pages, the same bytes.
run "$IMPRINT" build -q -f epub,pdf -j 2 -o threads "$SOURCE_DIR/editions/moscow-trials-analyzed.yaml"
expect_rc 0
cmp threads/moscow-trials-analyzed.epub both/moscow-trials-analyzed.epub ||
    fail "two layout threads changed the EPUB's pages"
cmp threads/moscow-trials-analyzed.pdf both/moscow-trials-analyzed.pdf ||
    fail "two layout threads changed the PDF"

# page-list: true without the PDF: the same EPUB; false with it: none.
mkdir -p ed/sources
cp "$SOURCE_DIR"/editions/sources/* ed/sources/
name=repudiating-stalinist-legacy
cp "$SOURCE_DIR/editions/$name.yaml" ed/$name.yaml
run "$IMPRINT" build -f epub -o ed/plain ed/$name.yaml
expect_rc 0
plain_err=$err
sed 's/^pdf:$/epub:\n  page-list: true\npdf:/' "$SOURCE_DIR/editions/$name.yaml" >ed/$name.yaml
grep -q 'page-list: true' ed/$name.yaml || fail "could not add page-list to the edition"
run "$IMPRINT" build -f epub -o ed/out ed/$name.yaml
expect_rc 0
# The layout's own messages are about a PDF nobody writes: not shown.
[ "$err" = "$plain_err" ] || fail "page-list: true: other messages than the EPUB's: $err"
cmp ed/out/$name.epub both/$name.epub || fail "page-list: true: the EPUB differs from the one built with the PDF"
sed 's/^pdf:$/epub:\n  page-list: false\npdf:/' "$SOURCE_DIR/editions/$name.yaml" >ed/$name.yaml
run "$IMPRINT" build -q -f epub,pdf -o ed/off ed/$name.yaml
expect_rc 0
cmp ed/off/$name.epub epub/$name.epub || fail "page-list: false: the EPUB has pages"
cmp ed/off/$name.pdf pdf/$name.pdf || fail "page-list: false: the PDF differs"
echo "ok: page-list: true and false"

# Notes as endnotes: pages that begin among them.
sed 's/notes: page/notes: article/' "$SOURCE_DIR/editions/moscow-trials-analyzed.yaml" >ed/endnotes.yaml
run "$IMPRINT" build -q -f epub,pdf -o ed/out ed/endnotes.yaml
expect_rc 0
python3 "$LIB/page_check.py" ed/out/endnotes.epub ed/out/endnotes.pdf 18 ||
    fail "endnotes: the EPUB's pages are not the PDF's"
epubs+=(ed/out/endnotes.epub)

# Copies of one text: the PDF's witness page after the articles has its
# marker at the colophon's "Witnesses".
cp "$FIXTURES"/compare/*.md "$FIXTURES/compare/duplicates.yaml" ed/
run "$IMPRINT" build -q -f epub,pdf -o ed/out ed/duplicates.yaml
expect_rc 0
python3 "$LIB/page_check.py" ed/out/duplicates.epub ed/out/duplicates.pdf 18 ||
    fail "witnesses: the EPUB's pages are not the PDF's"
unzip -p ed/out/duplicates.epub OEBPS/colophon.xhtml | grep -q 'epub:type="pagebreak"' ||
    fail "witnesses: no page marker in the colophon"
epubs+=(ed/out/duplicates.epub)

# epubcheck: one JVM for every book when a JDK can run the helper.
if command -v javac >/dev/null; then
    run java -cp /usr/share/java/epubcheck.jar "$LIB/EpubCheckAll.java" "${epubs[@]}"
    expect_rc 0 "epubcheck: $out"
    [ "$(grep -c 'No errors or warnings detected' <<<"$out")" -eq ${#epubs[@]} ] ||
        fail "epubcheck: $out"
else
    for b in "${epubs[@]}"; do
        run java -jar /usr/share/java/epubcheck.jar "$b"
        expect_rc 0 "epubcheck $b: $out"
        expect_has "$out" "No errors or warnings detected"
    done
fi
expect_lacks "$out$err" "WARNING"
expect_lacks "$out$err" "INFO"
echo "ok: epubcheck: no message for ${#epubs[@]} books"
