# The structure of notes: footnotes, endnotes, a note continued pages after
# its start, a table running over the page break under a note, and links
# and a note reference in table cells (each with its annotation)
# (pdfinfo -struct-text against the model, marked content against the
# running heads), and the same bytes whatever the number of layout threads.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
cp "$FIXTURES"/pdf/cli/notes.txt "$FIXTURES"/pdf/cli/notes.yaml .
cp "$FIXTURES"/pdf/cli/splitnote.md "$FIXTURES"/pdf/cli/splitnote.yaml .
cp "$FIXTURES"/pdf/cli/tablenote.md "$FIXTURES"/pdf/cli/tablenote.yaml .
cp "$FIXTURES"/pdf/cli/cells.md "$FIXTURES"/pdf/cli/cells.yaml .
sed 's/notes: page/notes: article/' notes.yaml >endnotes.yaml
for ed in notes endnotes splitnote tablenote cells; do
    run "$IMPRINT" build -q -f pdf,tei -o one "$ed.yaml"
    expect_rc 0 "build $ed.yaml"
    run qpdf --check "one/$ed.pdf"
    expect_rc 0 "qpdf --check $ed.pdf"
    mode=page
    [ "$ed" = endnotes ] && mode=article
    python3 "$FIXTURES/pdf/cli/structcheck.py" "one/$ed.pdf" "one/$ed.xml" --notes $mode |
        sed "s/^/$ed: /"
    python3 "$FIXTURES/pdf/cli/markcheck.py" "one/$ed.pdf" "one/$ed.xml" | sed "s/^/$ed: /"
    run "$IMPRINT" build -q -f pdf -j 3 -o three "$ed.yaml"
    cmp -s "one/$ed.pdf" "three/$ed.pdf" || fail "$ed.pdf differs with three threads"
done
echo "ok: the note fixtures the same with one thread and three"
pdftotext one/splitnote.pdf split.txt
from=$(awk 'BEGIN{RS="\f"} /Twoopening/ {print NR; exit}' split.txt)
to=$(awk 'BEGIN{RS="\f"} /Twoclosing/ {print NR; exit}' split.txt)
[ -n "$from" ] && [ -n "$to" ] && [ "$to" -gt "$from" ] ||
    fail "the note of splitnote.pdf is not split over pages ($from, $to): the fixture tests nothing"
echo "ok: the note of splitnote.pdf runs from page $from to page $to, one note in the structure"
pdftotext one/tablenote.pdf table.txt
note=$(awk 'BEGIN{RS="\f"} /Minutes of the congress/ && /1900/ {print NR; exit}' table.txt)
end=$(awk 'BEGIN{RS="\f"} /1939/ {print NR; exit}' table.txt)
[ -n "$note" ] && [ -n "$end" ] && [ "$end" -gt "$note" ] ||
    fail "the table of tablenote.pdf does not run on from the page of its note ($note, $end)"
echo "ok: the table of tablenote.pdf runs from page $note, under its note, to page $end: one Table"
python3 "$FIXTURES/pdf/cli/pdfcheck.py" one/cells.pdf one/cells.xml | sed "s/^/cells: /"
cells=$(pdfinfo -struct-text one/cells.pdf | awk '/^ *TD/ {td = 1; next} /^ *(TR|P|Note)/ {td = 0}
    td && /^ *Link/ {links++} td && /^ *Reference/ {refs++} END {print links + 0, refs + 0}')
[ "$cells" = "3 1" ] || fail "links and references in the cells of cells.pdf: $cells, not 3 1"
echo "ok: cells.pdf has its two web links and its note reference (with its link) in TD elements"
