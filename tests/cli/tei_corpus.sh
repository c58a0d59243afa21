#!/usr/bin/env bash
# Each corpus text in editions/sources: `imprint inspect` prints TEI that
# validates against TEI Lite; reading that TEI back (`--dialect tei`) and
# writing it again gives the same bytes; and every word of the source is in
# the TEI's text, in the source's order (notes, which the TEI places at their
# reference, are compared at their article's end, where the source has them;
# list numbers count in the TEI as the items' n).
set -u
: "${IMPRINT:?}" "${SOURCE_DIR:?}"
command -v xmllint >/dev/null || { echo "tei_corpus: xmllint is missing (libxml2-utils)"; exit 1; }
command -v python3 >/dev/null || { echo "tei_corpus: python3 is missing"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
schema="$SOURCE_DIR/schemas/tei_lite.rng"
fail=0
checked=0

# words SOURCE TEI: every word of SOURCE appears in TEI's <text>, in order.
words() {
    python3 - "$1" "$2" <<'PY'
import re, sys, unicodedata
import xml.etree.ElementTree as ET
from collections import Counter

TEI = '{http://www.tei-c.org/ns/1.0}'
XMLID = '{http://www.w3.org/XML/1998/namespace}id'
# Quotes of every shape are folded away on both sides (the reader makes
# straight quotes curly and ´ an apostrophe); superscript digits are note
# markers, which the TEI turns into notes.
QUOTES = dict.fromkeys(map(ord, "'\"´`‘’‚‛“”„‟′″«»"), ' ')
SUPERSCRIPTS = dict.fromkeys(map(ord, "⁰¹²³⁴⁵⁶⁷⁸⁹"), ' ')
WORD = re.compile(r'\w+')

def tokens(text):
    text = unicodedata.normalize('NFC', text).translate(QUOTES)
    return WORD.findall(text)

src_path, tei_path = sys.argv[1], sys.argv[2]
src = []  # (word, line)
with open(src_path, encoding='utf-8') as f:
    for lineno, line in enumerate(f, 1):
        for w in tokens(line.translate(SUPERSCRIPTS)):
            src.append((w, lineno))

root = ET.parse(tei_path).getroot()
text_el = root.find(TEI + 'text')
out = []

def note_key(note, order):
    m = re.search(r'-n(\d+)$', note.get(XMLID, ''))
    return (int(m.group(1)) if m else 10**9, order)

def walk(el, sink, notes):
    if el.tag == TEI + 'item' and el.get('n'):
        sink.extend(tokens(el.get('n')))  # the list's "1." or "a)"
    if el.text:
        sink.extend(tokens(el.text))
    for child in el:
        if child.tag == TEI + 'note':
            mine = []
            notes.append((note_key(child, len(notes)), mine))
            walk(child, mine, notes)
        elif child.tag == TEI + 'div' and child.get('type') == 'article':
            article_notes = []
            walk(child, sink, article_notes)
            for _, words in sorted(article_notes, key=lambda n: n[0]):
                sink.extend(words)
        else:
            walk(child, sink, notes)
        if child.tail:
            sink.extend(tokens(child.tail))

stray = []
walk(text_el, out, stray)
for _, words in sorted(stray, key=lambda n: n[0]):
    out.extend(words)

ok = True
missing = Counter(w for w, _ in src) - Counter(out)
if missing:
    ok = False
    first_line = {}
    for w, line in src:
        first_line.setdefault(w, line)
    print(f'{src_path}: {sum(missing.values())} word(s) of the source missing from the TEI:')
    for w, n in sorted(missing.items(), key=lambda kv: first_line[kv[0]])[:20]:
        print(f'  {src_path}:{first_line[w]}: "{w}" x{n}')

# In order: each source line's words stand together, in order, in the TEI
# (a paragraph may move as a whole, as notes do, but not lose or shuffle
# words). Lines are looked for after the previous one first.
lines = {}
for w, line in src:
    lines.setdefault(line, []).append(w)
positions = {}
for k, w in enumerate(out):
    positions.setdefault(w, []).append(k)
def found_at(run, k):
    return out[k:k + len(run)] == run
moved = 0
j = 0
for line, run in sorted(lines.items()):
    if j < len(out) and found_at(run, j):
        j += len(run)
        continue
    after = [k for k in positions.get(run[0], []) if k >= j and found_at(run, k)]
    anywhere = after or [k for k in positions.get(run[0], []) if found_at(run, k)]
    if not anywhere:
        ok = False
        print(f'{src_path}:{line}: the words of this line are not together in the TEI: '
              f'{" ".join(run)[:120]}')
        continue
    if not after:
        moved += 1
    j = anywhere[0] + len(run)
print(f'{src_path}: {len(lines)} lines in order within themselves, {moved} placed elsewhere')
print(f'{src_path}: {len(src)} words checked against {len(out)} in the TEI')
sys.exit(0 if ok else 1)
PY
}

for src in "$SOURCE_DIR"/editions/sources/*.txt; do
    name=$(basename "$src" .txt)
    tei="$work/$name.xml"
    if ! "$IMPRINT" inspect "$src" >"$tei" 2>"$work/$name.err"; then
        echo "FAIL $name: imprint inspect failed:"
        grep -v ': note: ' "$work/$name.err" | head -20
        fail=1
        continue
    fi
    checked=$((checked + 1))
    bad=0
    if ! xmllint --noout --relaxng "$schema" "$tei" 2>"$work/$name.rng"; then
        echo "FAIL $name: TEI does not validate against TEI Lite:"
        head -20 "$work/$name.rng"
        bad=1
    fi
    if ! "$IMPRINT" inspect --dialect tei "$tei" >"$work/$name.2.xml" 2>"$work/$name.2.err"; then
        echo "FAIL $name: reading the TEI back failed:"
        head -20 "$work/$name.2.err"
        bad=1
    elif ! cmp -s "$tei" "$work/$name.2.xml"; then
        echo "FAIL $name: text -> TEI -> model -> TEI is not byte-identical:"
        diff "$tei" "$work/$name.2.xml" | head -20
        bad=1
    elif grep -q ': warning: ' "$work/$name.2.err"; then
        echo "FAIL $name: reading imprint's own TEI gave warnings:"
        grep ': warning: ' "$work/$name.2.err" | head -10
        bad=1
    fi
    # The word check holds for the `text` dialect, which keeps every line;
    # a PDF export's reader joins hyphenated words and drops contents tables.
    if grep -q "read as dialect 'text'" "$work/$name.err"; then
        if python_out=$(words "$src" "$tei"); then
            echo "$python_out" | tail -2
        else
            echo "FAIL $name: the TEI does not hold every word of the source in order:"
            echo "$python_out" | head -30
            bad=1
        fi
    fi
    if [ "$bad" = 0 ]; then echo "ok $name"; else fail=1; fi
done

if [ "$checked" = 0 ]; then
    echo "FAIL: no corpus text was checked"
    exit 1
fi
exit "$fail"
