# Words broken at line ends (soft hyphens and compounds) and ligatures copy
# whole: pdftotext -raw of every bundled edition gives only words of its
# text, and each edition has words given back whole across a line end.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
run "$IMPRINT" build -q -j2 -f pdf,tei -o out "$SOURCE_DIR"/editions/*.yaml
expect_rc 0 "build"
for ed in "$SOURCE_DIR"/editions/*.yaml; do
    name=$(basename "$ed" .yaml)
    python3 "$FIXTURES/pdf/cli/wordcheck.py" "out/$name.pdf" "out/$name.xml" 10 | sed "s/^/$name: /"
done

# A narrow page: words broken at soft hyphens come back without the hyphen,
# compounds broken at their own hyphen keep it, and a line ending in a dash
# (the lookalike) is not joined to the next: the text pdftotext -raw gives,
# letters only, is the model's, letter for letter.
cp "$FIXTURES"/pdf/cli/words.md "$FIXTURES"/pdf/cli/words.yaml .
run "$IMPRINT" build -q -f pdf,tei -o words words.yaml
expect_rc 0 "build words.yaml"
python3 "$FIXTURES/pdf/cli/wordcheck.py" words/words.pdf words/words.xml 50 | sed "s/^/words: /"
first=$(pdfinfo -dests words/words.pdf | awk '$NF == "\"a0\"" {print $1}')
pdftotext -raw -f "$first" words/words.pdf raw.txt
grep -q -- "—$" raw.txt || fail "no line of words.pdf ends in a dash: the lookalike is not tested"
grep -q -- "[a-z]-$" raw.txt && fail "a line of words.pdf ends in a broken compound"
ends=$(python3 - words/words.xml raw.txt <<'PY'
import sys, xml.etree.ElementTree as ET
TEI = "{http://www.tei-c.org/ns/1.0}"
heads = {"Words at Line Ends", "Words Fixture Edition"}
root = ET.parse(sys.argv[1]).getroot()
model = "".join("".join(p.itertext()) for p in root.iter(TEI + "p"))
# Running heads and folios (on one line or two) are left out.
lines = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n")
         if l.strip(" \f0123456789") not in heads | {""}]
letters = lambda s: "".join(c for c in s.replace("\u00ad", "") if c.isalpha() or c == "-")
got, want = letters("".join(lines)), letters(model)
if got != want:
    i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), 0)
    sys.exit(f"FAIL: the text differs at {i}: {got[i - 20:i + 20]!r} / {want[i - 20:i + 20]!r}")
print(sum(1 for l in lines if l.endswith("\u2014")))
PY
)
echo "ok: words.pdf copies as its text, letter for letter and hyphen for hyphen; $ends lines end in a dash"
