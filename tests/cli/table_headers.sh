# Table header rows through every output: an edition (tests/fixtures/tables)
# with a GFM pipe table and a grid table with a `+===+` rule (Markdown) and
# a plain-text table with a rule under its first row, each with a lookalike
# without a header (a grid table without the rule, a text table without
# one). The EPUB puts the heads in <thead> as <th scope="col"> and passes
# epubcheck; the TEI marks them <row role="label">, validates and reads
# back the same; the tagged PDF has TH for them and TD for the rest.
source "$(dirname "$0")/lib/common.sh"

cp "$FIXTURES"/tables/* "$T/"
cd "$T"
export SOURCE_DATE_EPOCH=0
run "$IMPRINT" build tables.yaml -o out
expect_rc 0
expect_has "$err" "tonnage.txt:6:1: note: the rule under the table's first row taken as the mark of its header"
expect_lacks "$err" "tonnage.txt:12:1: note: the rule"

# EPUB: the header rows, and only they, in <thead> with <th scope="col">.
unzip -p out/tables.epub OEBPS/a001.xhtml >a001.xhtml
unzip -p out/tables.epub OEBPS/a002.xhtml >a002.xhtml
count() { xmllint --xpath "count($2)" "$1"; }
H='//*[local-name()="table"]'
[ "$(count a001.xhtml "$H")" = 3 ] || fail "a001.xhtml: not 3 tables"
[ "$(count a001.xhtml "$H/*[local-name()=\"thead\"]")" = 2 ] || fail "a001.xhtml: not 2 heads"
[ "$(count a001.xhtml "$H[1]/*[local-name()=\"thead\"]/*/*[local-name()=\"th\" and @scope=\"col\"]")" = 3 ] ||
    fail "a001.xhtml: the pipe table's heads are not 3 th in its thead"
[ "$(count a001.xhtml "$H[2]/*[local-name()=\"thead\"]/*/*[local-name()=\"th\" and @scope=\"col\"]")" = 2 ] ||
    fail "a001.xhtml: the grid table's heads are not 2 th in its thead"
[ "$(count a001.xhtml "$H[3]/*[local-name()=\"thead\"]")" = 0 ] ||
    fail "a001.xhtml: the headerless grid table has a thead"
[ "$(count a001.xhtml "//*[local-name()=\"th\"]")" = 5 ] || fail "a001.xhtml: th outside the heads"
[ "$(count a001.xhtml "//*[local-name()=\"tbody\"]/*/*[local-name()=\"td\"]")" = 14 ] ||
    fail "a001.xhtml: not 14 td in the bodies"
expect_has "$(cat a001.xhtml)" '<thead>
<tr><th scope="col">Port</th><th scope="col">Ships held</th><th scope="col">Since</th></tr>
</thead>
<tbody>
<tr><td>Leith</td><td>14</td><td>12 June</td></tr>'
[ "$(count a002.xhtml "$H[1]/*[local-name()=\"thead\"]/*/*[local-name()=\"th\" and @scope=\"col\"]")" = 3 ] ||
    fail "a002.xhtml: the text table's heads are not 3 th in its thead"
[ "$(count a002.xhtml "$H[2]/*[local-name()=\"thead\"]")" = 0 ] ||
    fail "a002.xhtml: the text table without a rule has a thead"
expect_lacks "$(cat a002.xhtml)" "------"

expect_epubcheck_clean out/tables.epub
expect_has "$out" "No errors or warnings detected"
echo "ok: EPUB: 8 heads in <thead> as <th scope=\"col\">, none in the lookalikes; epubcheck clean"

# TEI: valid, the same rows labelled, and read back with them.
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/tables.xml 2>rng.log ||
    fail "TEI does not validate: $(cat rng.log)"
[ "$(grep -c '<row role="label">' out/tables.xml)" = 3 ] || fail "TEI: not 3 label rows"
[ "$(grep -c "<row>" out/tables.xml)" = 10 ] || fail "TEI: not 10 data rows"
expect_has "$(cat out/tables.xml)" '<row role="label">
            <cell>Port</cell>
            <cell>Goods</cell>'
run "$IMPRINT" inspect --as tei out/tables.xml
expect_rc 0
[ "$(grep -c '<row role="label">' <<<"$out")" = 3 ] || fail "TEI read back: not 3 label rows"
echo "ok: TEI: 3 rows role=\"label\", 10 others; valid; read back the same"

# PDF: TH for the cells of header rows, TD for the others, table by table
# ("|" between rows); the structure tree is the model's.
qpdf --check out/tables.pdf >/dev/null || fail "qpdf --check failed"
shape=$(pdfinfo -struct out/tables.pdf | awk '
    /^ *Table/ { printf "%s", (n++ ? " " : ""); first = 1 }
    /^ *TR/ { if (!first) printf "|"; first = 0 }
    /^ *TH/ { printf "H" } /^ *TD/ { printf "D" } END { print "" }')
[ "$shape" = "HHH|DDD|DDD HH|DD|DD DD|DD HHH|DDD|DDD DDD|DDD" ] ||
    fail "PDF structure: tables $shape"
expect_has "$(pdfinfo -struct-text out/tables.pdf)" 'TH
          "Ships held"'
python3 "$FIXTURES/pdf/cli/structcheck.py" out/tables.pdf out/tables.xml
# each TH says it heads its column (/Scope, written by finish.c)
scopes=$(qpdf --json=2 out/tables.pdf - | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1].values()
els = [o.get("value") for o in objs if isinstance(o.get("value"), dict)]
th = [e for e in els if e.get("/S") == "/TH"]
print(len(th), sum(1 for e in th if (e.get("/A") or {}).get("/Scope") == "/Column"))')
[ "$scopes" = "8 8" ] || fail "TH elements and those with /Scope /Column: $scopes"
echo "ok: PDF: TH for the 8 heads (each /Scope /Column), TD for the other cells"
