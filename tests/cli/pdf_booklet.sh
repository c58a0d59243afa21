# `pdf.imposition`: NAME-booklet.pdf beside NAME.pdf. A 50-page edition as a
# booklet is 13 sheets (26 sides) in saddle-stitch order, page 52 (blank
# padding) and page 1 on the first side; 2up keeps reading order; a sheet
# size, crop marks and creep; byte-identical rebuilds; qpdf clean; a failed
# booklet leaves neither file; the manifest and depfile list the booklet.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
export SOURCE_DATE_EPOCH=1764633600

# A one-article pamphlet of exactly 50 A5 pages (title, its back, contents,
# its back, 46 pages of text), each paragraph numbered.
{
    echo "The Long Pamphlet"
    echo
    for i in $(seq 1 370); do
        echo "Paragraph $i of the long pamphlet tells again how the workers of the town met in the hall by the river, what they said there about wages and hours, and how the meeting ended late at night with a vote that everyone remembered for years afterwards."
        echo
    done
} >long.txt
edition() { # NAME PDF-KEYS...
    local name=$1
    shift
    {
        echo "title: The Long Pamphlet"
        echo "date: 2026-12-02"
        echo "pdf:"
        for k in "$@"; do echo "  $k"; done
        echo "articles:"
        echo "  - source: long.txt"
        echo "    dialect: text"
    } >"$name.yaml"
}
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
size() { pdfinfo "$1" | awk '/^Page size:/ {print $3 "x" $5}'; }
# text SIDE HALF FILE: the text of the left (0) or right (1) half of a side.
text() {
    local w h
    w=$(pdfinfo -f "$1" -l "$1" "$3" | awk '/^Page.*size:/ {print int($4)}')
    h=$(pdfinfo -f "$1" -l "$1" "$3" | awk '/^Page.*size:/ {print int($6)}')
    pdftotext -f "$1" -l "$1" -x $(($2 * w / 2)) -y 0 -W $((w / 2)) -H "$h" "$3" - | tr -d '\f' | tr -s '\n ' '  '
}

edition long "imposition: booklet"
run "$IMPRINT" build -q -f pdf -o out --manifest MANIFEST --depfile deps long.yaml
expect_rc 0
[ "$(ls out | tr '\n' ' ')" = "long-booklet.pdf long.pdf " ] || fail "outputs: $(ls out)"
[ "$(pages out/long.pdf)" = 50 ] || fail "the fixture should be 50 pages, is $(pages out/long.pdf)"
[ "$(pages out/long-booklet.pdf)" = 26 ] || fail "booklet: $(pages out/long-booklet.pdf) sides, not 26"
# A5 pages, sheets of two of them side by side.
[ "$(size out/long.pdf)" = 419.528x595.276 ] || fail "page size $(size out/long.pdf)"
[ "$(size out/long-booklet.pdf)" = 839.055x595.276 ] || fail "sheet size $(size out/long-booklet.pdf)"
for f in out/long.pdf out/long-booklet.pdf; do
    run qpdf --check "$f"
    expect_rc 0 "qpdf --check $f"
    expect_has "$out" "No syntax or stream encoding errors found"
done
echo "ok: 50 pages are 26 sides; qpdf clean"

# Side 1: page 52 (blank) left, page 1 (the title page) right; side 2 (its
# back): pages 2 and 51, both blank; side 3: page 50 (the last paragraphs)
# and page 3 (contents); side 25, the innermost sheet: pages 28 and 25.
[ -z "$(text 1 0 out/long-booklet.pdf | tr -d ' ')" ] || fail "page 52 is not blank"
expect_has "$(text 1 1 out/long-booklet.pdf)" "The Long Pamphlet"
[ -z "$(text 2 0 out/long-booklet.pdf)$(text 2 1 out/long-booklet.pdf | tr -d ' ')" ] ||
    fail "side 2 should hold two blank pages"
left=$(text 3 0 out/long-booklet.pdf)
expect_has "$left" "50 The Long Pamphlet"
expect_has "$left" "Paragraph 370 of"
expect_has "$(text 3 1 out/long-booklet.pdf)" "Contents"
expect_has "$(text 25 0 out/long-booklet.pdf)" "28 The Long Pamphlet"
expect_has "$(text 25 1 out/long-booklet.pdf)" "The Long Pamphlet 25"
expect_has "$(text 26 0 out/long-booklet.pdf)" "26 The Long Pamphlet"
expect_has "$(text 26 1 out/long-booklet.pdf)" "The Long Pamphlet 27"
echo "ok: saddle-stitch order, blank pages padded at the end"

# Rendered: side 1's left half is white, its right half has the title.
pdftoppm -r 30 -f 1 -l 1 out/long-booklet.pdf side
python3 - side-01.ppm <<'PY' || fail "side 1 does not look as it should"
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
def ink(x0, x1):
    return sum(1 for y in range(h) for x in range(x0, x1) if px[3 * (y * w + x)] < 128)
left, right = ink(0, w // 2), ink(w // 2, w)
print("ink left", left, "right", right)
sys.exit(0 if left == 0 and right > 50 else 1)
PY

# Same bytes on every build; the manifest and depfile name the booklet.
cp out/long-booklet.pdf first.pdf
"$IMPRINT" build -q -f pdf -o out long.yaml
cmp first.pdf out/long-booklet.pdf || fail "two builds of the booklet differ"
"$IMPRINT" build -q -j2 -f pdf -o out long.yaml
cmp first.pdf out/long-booklet.pdf || fail "-j2 changed the booklet"
# Only the bundled fonts, embedded.
fonts=$(pdffonts out/long-booklet.pdf | tail -n +3)
[ -n "$fonts" ] || fail "no fonts in the booklet"
while read -r name rest; do
    case $name in *+LinLibertineO*) ;; *) fail "not a bundled font: $name" ;; esac
    [ "$(awk '{print $(NF-4)}' <<<"$rest")" = yes ] || fail "font not embedded: $name"
done <<<"$fonts"
expect_has "$(cat MANIFEST)" "  long-booklet.pdf"
expect_has "$(cat deps)" "long-booklet.pdf"
echo "ok: byte-identical; in the manifest and the depfile"

# Signatures of 16 pages: side 1 holds pages 16 and 1.
edition sig "imposition: booklet" "signature: 16"
run "$IMPRINT" build -q -f pdf -o out sig.yaml
expect_rc 0
[ "$(pages out/sig-booklet.pdf)" = 26 ] || fail "signatures of 16: $(pages out/sig-booklet.pdf) sides"
expect_has "$(text 1 0 out/sig-booklet.pdf)" "16 The Long Pamphlet"
expect_has "$(text 9 1 out/sig-booklet.pdf)" "The Long Pamphlet 17"
echo "ok: signatures of a given size"

# 2up on A4: reading order, 25 sides, pages A4 landscape.
edition two "imposition: 2up" "sheet: a4"
run "$IMPRINT" build -q -f pdf -o out two.yaml
expect_rc 0
[ "$(pages out/two-booklet.pdf)" = 25 ] || fail "2up: $(pages out/two-booklet.pdf) sides"
[ "$(size out/two-booklet.pdf)" = 841.89x595.276 ] || fail "2up sheet $(size out/two-booklet.pdf)"
expect_has "$(text 1 0 out/two-booklet.pdf)" "The Long Pamphlet"
expect_has "$(text 3 0 out/two-booklet.pdf)" "The Long Pamphlet 5"
expect_has "$(text 3 1 out/two-booklet.pdf)" "6 The Long Pamphlet"
echo "ok: 2up on A4"

# Crop marks: the sheet grows by 8 mm a side for them, and they are drawn
# there, outside the trim; creep moves the innermost sheet's pages towards
# the fold by 12 sheets x 0.5 mm = 6 mm (17.0 pt), the second sheet's by 0.5 mm.
edition marks "imposition: booklet" "crop-marks: true" "creep: 0.5mm"
run "$IMPRINT" build -q -f pdf -o out marks.yaml
expect_rc 0
[ "$(size out/marks-booklet.pdf)" = 884.409x640.63 ] || fail "sheet with marks: $(size out/marks-booklet.pdf)"
run qpdf --check out/marks-booklet.pdf
expect_rc 0
pdftoppm -r 72 -f 1 -l 1 out/marks-booklet.pdf marks
python3 - marks-01.ppm <<'PY' || fail "no crop marks outside the trim"
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
def dark(x, y):
    return px[3 * (y * w + x)] < 160
m = round(8 / 25.4 * 72)  # the trim starts 8 mm in
# The vertical mark above the top left corner, the one above the fold, the
# horizontal one left of the top left corner; none inside the left margin.
above = any(dark(m, y) or dark(m - 1, y) or dark(m + 1, y) for y in range(0, m - 4))
fold = any(dark(w // 2 + d, y) for d in (-1, 0, 1) for y in range(0, m - 4))
side = any(dark(x, m) or dark(x, m - 1) or dark(x, m + 1) for x in range(0, m - 4))
inside = any(dark(x, y) for x in range(m + 2, m + 30) for y in range(m + 2, m + 30))
print(above, fold, side, inside)
sys.exit(0 if above and fold and side and not inside else 1)
PY
x_of() { # SIDE FILE: left edge of the first word "Paragraph" on the side's left page
    pdftotext -f "$1" -l "$1" -bbox "$2" - |
        awk -F'"' '/>Paragraph</ && !done {print $2; done = 1}'
}
plain=$(x_of 25 out/long-booklet.pdf)
crept=$(x_of 25 out/marks-booklet.pdf)
python3 -c "import sys; d = $crept - 8 / 25.4 * 72 - $plain; print('creep', d); sys.exit(0 if abs(d - 12 * 0.5 / 25.4 * 72) < 0.1 else 1)" ||
    fail "creep: $plain against $crept"
outer_plain=$(x_of 3 out/long-booklet.pdf)
outer_crept=$(x_of 3 out/marks-booklet.pdf)
python3 -c "import sys; sys.exit(0 if abs($outer_crept - 8 / 25.4 * 72 - $outer_plain - 0.5 / 25.4 * 72) < 0.1 else 1)" ||
    fail "the second sheet should move by 0.5 mm: $outer_plain against $outer_crept"
echo "ok: crop marks outside the trim; creep grows by a sheet's step inwards"

# A sheet too small for marks: a warning, and no marks.
edition tight "imposition: booklet" "sheet: a4" "crop-marks: true"
sed -i 's/^pdf:/pdf:\n  paper: 148.5x210mm/' tight.yaml
run "$IMPRINT" build -f pdf -o out tight.yaml
expect_rc 0
expect_has "$err" "warning: no room for crop marks on the sheet of 297 x 210 mm (8 mm beyond the pages are needed)"

# Without imposition, no booklet; a stale one goes.
edition long "paper: a5"
run "$IMPRINT" build -f pdf -o out long.yaml
expect_rc 0
[ ! -e out/long-booklet.pdf ] || fail "a stale booklet was kept"
expect_has "$err" "long-booklet.pdf: note: removed the output of an earlier build"

# The booklet cannot be written: the build fails and leaves neither file.
edition long "imposition: booklet"
rm -rf out && mkdir -p out/long-booklet.pdf
run "$IMPRINT" build -f pdf -o out long.yaml
expect_rc 1
[ ! -e out/long.pdf ] || fail "long.pdf left after the booklet failed"
[ -d out/long-booklet.pdf ] || fail "the folder in the way was touched"
[ "$(ls -A out | tr '\n' ' ')" = "long-booklet.pdf " ] || fail "left behind: $(ls -A out)"
echo "ok: a failed booklet leaves nothing"
