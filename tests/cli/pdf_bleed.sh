# `pdf.bleed`: the media box grows by the bleed and the crop marks' room on
# every side, each page has a TrimBox (the paper) and a BleedBox (the paper
# and the bleed), crop marks are drawn outside the bleed, links and
# destinations move with the page; qpdf clean, byte-identical rebuilds, the
# same text; without a bleed no boxes.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
export SOURCE_DATE_EPOCH=1764633600
cp "$FIXTURES"/pdf/cli/notes.txt "$FIXTURES"/pdf/cli/notes.yaml .
cp notes.yaml plain.yaml
sed 's/^pdf:$/pdf:\n  bleed: 3mm/' notes.yaml >bleed.yaml
grep -q '^  paper: a5$' bleed.yaml && grep -q '^  bleed: 3mm$' bleed.yaml || fail "bleed.yaml: $(cat bleed.yaml)"

run "$IMPRINT" build -q -f pdf -o out plain.yaml bleed.yaml
expect_rc 0
for f in out/plain.pdf out/bleed.pdf; do
    run qpdf --check "$f"
    expect_rc 0 "qpdf --check $f"
    expect_has "$out" "No syntax or stream encoding errors found"
    expect_lacks "$out$err" "WARNING"
done

# The boxes of every page, from qpdf's uncompressed form: A5 is 419.53 x
# 595.28 pt; the trim starts 3 + 8 mm (31.18 pt) in, the bleed 3 mm before it.
qpdf --qdf --object-streams=disable out/bleed.pdf bleed-qdf.pdf
qpdf --qdf --object-streams=disable out/plain.pdf plain-qdf.pdf
python3 - bleed-qdf.pdf plain-qdf.pdf <<'PY' || fail "boxes"
import re, sys
mm = 72 / 25.4
def pages(path):
    data = open(path, "rb").read().decode("latin-1")
    out = []
    for obj in data.split("\nendobj"):
        if not re.search(r"/Type /Page\n", obj):
            continue
        boxes = {}
        for name, nums in re.findall(r"/(\w+Box) \[\s*([-\d.\s]+?)\s*\]", obj):
            boxes[name] = [float(n) for n in nums.split()]
        out.append(boxes)
    return out
bleed, plain = pages(sys.argv[1]), pages(sys.argv[2])
assert len(bleed) == len(plain) > 1, (len(bleed), len(plain))
o, b = 11 * mm, 3 * mm
w, h = 148 * mm, 210 * mm
def close(a, e):
    return all(abs(x - y) < 0.01 for x, y in zip(a, e))
for p in bleed:
    assert close(p["MediaBox"], [0, 0, w + 2 * o, h + 2 * o]), p
    assert close(p["TrimBox"], [o, o, o + w, o + h]), p
    assert close(p["BleedBox"], [o - b, o - b, o + w + b, o + h + b]), p
for p in plain:
    assert set(p) == {"MediaBox"}, p
    assert close(p["MediaBox"], [0, 0, w, h]), p
# Link rectangles and destinations sit where the text moved to.
def rects(path):
    data = open(path, "rb").read().decode("latin-1")
    return [[float(n) for n in r.split()] for r in re.findall(r"/Rect \[\s*([-\d.\s]+?)\s*\]", data)]
def dests(path):
    data = open(path, "rb").read().decode("latin-1")
    return [[float(n) for n in r.split()[:2]] for r in re.findall(r"/XYZ\s+([-\d.\s]+?)\s+\d+\s*\]", data)]
rb, rp = rects(sys.argv[1]), rects(sys.argv[2])
assert len(rb) == len(rp) > 0
for a, e in zip(rb, rp):
    # Cairo rounds link rectangles to whole points.
    assert all(abs(x - (y + o)) < 1.01 for x, y in zip(a, e)), (a, e)
db, dp = dests(sys.argv[1]), dests(sys.argv[2])
assert len(db) == len(dp) > 0
for a, e in zip(db, dp):
    assert abs(a[0] - (e[0] + o)) < 0.02 and abs(a[1] - (e[1] + o)) < 0.02, (a, e)
print(len(bleed), "pages,", len(rb), "links,", len(db), "destinations")
PY
pdfinfo -box -f 1 -l 1 out/bleed.pdf >box.txt
grep -qE "TrimBox: +31.18 +31.18 +450.71 +626.46$" box.txt || fail "pdfinfo: $(cat box.txt)"
grep -qE "BleedBox: +22.68 +22.68 +459.21 +634.96$" box.txt || fail "pdfinfo: $(cat box.txt)"
echo "ok: media box, TrimBox and BleedBox on every page; links moved with the text"

# The same words (pdftotext may order a running head and its folio either
# way once the page moved); the same bytes on a second build.
words() { pdftotext "$1" - | tr -s ' \n\f' '\n\n\n' | sort; }
[ "$(words out/plain.pdf)" = "$(words out/bleed.pdf)" ] || fail "the text changed"
cp out/bleed.pdf first.pdf
"$IMPRINT" build -q -f pdf -o out bleed.yaml
cmp first.pdf out/bleed.pdf || fail "two builds with a bleed differ"

# Crop marks: ink on the trim lines outside the bleed, none in the bleed.
pdftoppm -r 72 -f 1 -l 1 out/bleed.pdf page
python3 - page-1.ppm <<'PY' || fail "crop marks"
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
def dark(x, y):
    return px[3 * (y * w + x)] < 160
mm = 72 / 25.4
o, b = 11 * mm, 3 * mm
t = round(o)  # the trim's left and top edge, in pixels at 72 dpi
mark = any(dark(x, t + d) for d in (-1, 0, 1) for x in range(0, int(o - b) - 1))
vert = any(dark(t + d, y) for d in (-1, 0, 1) for y in range(0, int(o - b) - 1))
in_bleed = any(dark(x, y) for x in range(int(o - b) + 1, t - 1) for y in range(int(o - b) + 1, h - t))
print(mark, vert, in_bleed)
sys.exit(0 if mark and vert and not in_bleed else 1)
PY
echo "ok: crop marks outside the bleed; same text, same bytes"
