#!/usr/bin/env bash
# Compares the reading order that the pdf-markdown reader recovers for a PDF
# export with the order reconstructed by hand in tests/golden/NAME.order (one
# line per body fragment, in reading order: "LINE<TAB>FIRST WORDS"; the
# comments in that file say how the order was made and which joins are
# doubtful).
#
# For each golden file, runs `imprint inspect --dialect pdf-markdown SOURCE`
# from the repository root, takes the text content of the TEI <text> element
# (footnote bodies left out: only the reading order of the body counts),
# folds it, and finds each fragment's FIRST WORDS in it. The test fails when
# a phrase is missing or occurs more than once, or when the positions are not
# strictly increasing; it then prints the fragments that are out of order.
#
# Folding, applied to the TEI text and to the phrases alike: NFC; soft hyphens
# removed; ‘ ’ ´ ' become '; “ ” " become "; runs of whitespace (and no-break
# spaces) become one space. Markdown/HTML markup (*, \, <sup>N</sup>, tags) is
# also stripped from the phrases, in case one is copied with it.
#
# Env (set by ctest): IMPRINT = the binary, SOURCE_DIR = the repository.
set -u

: "${IMPRINT:?IMPRINT must name the imprint binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the repository root}"

golden_dir="$SOURCE_DIR/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
goldens=("$golden_dir"/*.order)
if [ ${#goldens[@]} -eq 0 ]; then
  echo "no golden reading orders (*.order) in $golden_dir" >&2
  exit 1
fi

status=0
for golden in "${goldens[@]}"; do
  name=$(basename "$golden" .order)
  source=$(head -n 1 "$golden" | sed -n 's/^# \([^ ]*\).*/\1/p')
  if [ -z "$source" ] || [ ! -f "$SOURCE_DIR/$source" ]; then
    echo "$name: first line of $golden must be '# SOURCE', an existing file" >&2
    status=1
    continue
  fi
  if ! (cd "$SOURCE_DIR" && "$IMPRINT" inspect --dialect pdf-markdown "$source") \
      >"$tmp/$name.tei" 2>"$tmp/$name.err"; then
    echo "$name: imprint inspect --dialect pdf-markdown $source failed:" >&2
    cat "$tmp/$name.err" >&2
    status=1
    continue
  fi
  if python3 - "$golden" "$SOURCE_DIR/$source" "$tmp/$name.tei" "$name" <<'PY'
import re, sys, unicodedata
import xml.etree.ElementTree as ET

golden_path, source_path, tei_path, name = sys.argv[1:5]
TEI = "{http://www.tei-c.org/ns/1.0}"
# Elements that run inside a line of text; every other element is a block,
# whose edges separate words.
INLINE = {"hi", "emph", "ref", "foreign", "term", "seg", "mentioned", "soCalled",
          "gloss", "title", "name", "persName", "placeName", "orgName", "date",
          "num", "abbr", "expan", "choice", "sic", "corr", "c", "g", "pc", "w"}


def fold(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00ad", "")
    s = re.sub("[\u2018\u2019\u00b4']", "'", s)
    s = re.sub("[\u201c\u201d\"]", '"', s)
    return re.sub(r"[\s\u00a0]+", " ", s).strip()


def strip_markup(s):
    s = re.sub(r"<sup>\s*\d+\s*</sup>", "", s)
    s = re.sub(r"</?[A-Za-z][^>]*>", "", s)
    return s.replace("*", "").replace("\\", "")


def local(tag):
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else tag


def walk(el, out):
    tag = local(el.tag)
    block = tag not in INLINE
    if tag != "note":  # footnote bodies are not body text; their tail is
        if block:
            out.append(" ")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child, out)
        if block:
            out.append(" ")
    if el.tail:
        out.append(el.tail)


# --- the golden file: a malformed one must not pass silently
src_lines = open(source_path, encoding="utf-8").read().split("\n")
rows, bad = [], 0
for i, line in enumerate(open(golden_path, encoding="utf-8").read().split("\n"), 1):
    if not line.strip() or line.startswith("#"):
        continue
    m = re.match(r"^([1-9][0-9]*)\t(\S.*\S)$", line)
    if not m:
        print(f"{golden_path}:{i}: malformed line (want LINE<TAB>FIRST WORDS): {line!r}")
        bad += 1
        continue
    ln, phrase = int(m.group(1)), fold(strip_markup(m.group(2)))
    if len(phrase.split()) < 4:
        print(f"{golden_path}:{i}: too few words to be unique: {phrase!r}")
        bad += 1
    # The words must come from the fragment's first line, or (when that is a
    # short heading) from the next text line: this catches a mistyped LINE.
    near = [j for j in range(ln - 1, min(len(src_lines), ln + 40))
            if src_lines[j].strip()][:2]
    if ln > len(src_lines) or not any(
            phrase in fold(strip_markup(src_lines[j])) for j in near):
        print(f"{golden_path}:{i}: words not found at source line {ln}: {phrase!r}")
        bad += 1
    if any(r[1] == ln for r in rows):
        print(f"{golden_path}:{i}: source line {ln} listed twice")
        bad += 1
    rows.append((i, ln, phrase))
if not rows:
    print(f"{golden_path}: no fragments listed")
    bad += 1
if bad:
    sys.exit(1)

# --- the tool's output: text content of <text>, notes left out
try:
    root = ET.parse(tei_path).getroot()
except ET.ParseError as e:
    print(f"{name}: the TEI output is not well-formed XML: {e}")
    sys.exit(1)
text_el = root.find(f"{TEI}text")
if text_el is None:
    text_el = root.find("text")
if text_el is None:
    print(f"{name}: the TEI output has no <text> element")
    sys.exit(1)
pieces = []
walk(text_el, pieces)
body = fold("".join(pieces))

# --- each phrase exactly once, positions strictly increasing
positions, bad = [], 0
for gi, ln, phrase in rows:
    hits = [m.start() for m in re.finditer(re.escape(phrase), body)]
    if len(hits) != 1:
        what = "not found" if not hits else f"found {len(hits)} times"
        print(f"{name}: fragment at source line {ln} (golden line {gi}): "
              f"{what} in the output: {phrase!r}")
        bad += 1
    positions.append(hits[0] if len(hits) == 1 else None)
if bad:
    sys.exit(1)

out_of_order = []
for k in range(1, len(rows)):
    if positions[k] <= positions[k - 1]:
        out_of_order.append(k)
        print(f"{name}: out of order: source line {rows[k][1]} (golden line "
              f"{rows[k][0]}) should follow source line {rows[k - 1][1]} "
              f"(golden line {rows[k - 1][0]}) but comes before it in the output")
if out_of_order:
    # The fewest fragments whose moves explain every disagreement: those off a
    # longest increasing run of output positions.
    n = len(positions)
    best, prev = [1] * n, [-1] * n
    for a in range(n):
        for b in range(a):
            if positions[b] < positions[a] and best[b] + 1 > best[a]:
                best[a], prev[a] = best[b] + 1, b
    k = max(range(n), key=lambda a: best[a])
    keep = set()
    while k != -1:
        keep.add(k)
        k = prev[k]
    moved = [rows[a][1] for a in range(n) if a not in keep]
    print(f"{name}: misplaced fragments (source lines): "
          + " ".join(str(x) for x in moved))
    order = [rows[a][1] for a in sorted(range(n), key=lambda a: positions[a])]
    print(f"{name}: output order (source lines): " + " ".join(str(x) for x in order))
    sys.exit(1)
print(f"{name}: reading order of {len(rows)} fragments matches the golden order")
PY
  then
    :
  else
    status=1
  fi
done
exit $status
