#!/bin/bash
# The text reader's edition keys: `wrapped: false` keeps a hard-wrapped
# file's lines, `wrapped: true` joins a file too short to tell; `verse:
# false` keeps stanzas out of prose, `verse: true` reads a file as verse;
# `footnotes: false` keeps note markers and definitions as text;
# `letters: false` keeps salutations and sign-offs as paragraphs;
# `boilerplate: keep` keeps a Project Gutenberg header and licence;
# on another dialect they are a warning; a misspelt value an error at its
# line and column.
set -euo pipefail
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
shapes="$FIXTURES/text/shapes"
fail() { echo "FAIL: $*" >&2; exit 1; }

edition() { # NAME SOURCE KEY VALUE
    printf 'title: Keys\narticles:\n  - source: %s\n    %s: %s\n' "$2" "$3" "$4" >"$T/$1.yaml"
}
paragraphs() { grep -c '<p>' "$1" || true; }

"$IMPRINT" inspect "$shapes/wrapped.txt" >"$T/auto.xml" 2>/dev/null
edition nowrap "$shapes/wrapped.txt" wrapped false
"$IMPRINT" inspect "$T/nowrap.yaml" >"$T/nowrap.xml" 2>"$T/nowrap.err"
[ "$(paragraphs "$T/auto.xml")" -eq 4 ] || fail "auto: $(paragraphs "$T/auto.xml") paragraphs"
[ "$(paragraphs "$T/nowrap.xml")" -gt 15 ] || fail "wrapped: false joined lines"
grep -q "hard-wrapped" "$T/nowrap.err" && fail "wrapped: false still says hard-wrapped"
echo "ok: wrapped: false keeps the lines"

printf 'Short\n\nA paragraph broken\nover two lines.\n' >"$T/short.txt"
edition wrap "$T/short.txt" wrapped true
"$IMPRINT" inspect "$T/wrap.yaml" >"$T/wrap.xml" 2>/dev/null
grep -q '<p>A paragraph broken over two lines.</p>' "$T/wrap.xml" || fail "wrapped: true did not join"
echo "ok: wrapped: true joins"

printf 'A Title\n\nSome prose that runs on for a while, as prose does.\n\nThe river runs, the river turns,\nAnd no one knows the way\nIt went before the miller came\n\nMore prose after it, long enough to be prose.\n' >"$T/stanza.txt"
edition prose "$T/stanza.txt" verse false
"$IMPRINT" inspect "$T/stanza.txt" >"$T/verse-auto.xml" 2>/dev/null
"$IMPRINT" inspect "$T/prose.yaml" >"$T/prose.xml" 2>/dev/null
grep -q '<lg>' "$T/verse-auto.xml" || fail "the stanza is no longer read as verse"
grep -q '<lg>' "$T/prose.xml" && fail "verse: false left a stanza"
grep -q 'And no one knows the way' "$T/prose.xml" || fail "verse: false lost the stanza's lines"
echo "ok: verse: false keeps stanzas out"

printf 'Two Lines\n\nThe tide comes in across the sand.\nThe gulls are on the wall.\n' >"$T/two.txt"
edition verse "$T/two.txt" verse true
"$IMPRINT" inspect "$T/verse.yaml" >"$T/verse.xml" 2>/dev/null
grep -q '<l>The gulls are on the wall.</l>' "$T/verse.xml" || fail "verse: true did not read lines"
echo "ok: verse: true reads verse"

# footnotes: false keeps every style's markers and definitions as text:
# "(1)" markers with a NOTES: list, "*" symbols, and "¹" superscripts.
printf 'Sup\n\nA line with a mark.\xc2\xb9\n\n\xc2\xb9 The note.\n' >"$T/sup.txt"
for f in "$shapes/notes_paren.txt" "$shapes/notes_symbols.txt" "$T/sup.txt"; do
    "$IMPRINT" inspect "$f" >"$T/notes-auto.xml" 2>/dev/null
    grep -q '<note' "$T/notes-auto.xml" || fail "$f: no notes found by default"
    edition nonotes "$f" footnotes false
    "$IMPRINT" inspect "$T/nonotes.yaml" >"$T/nonotes.xml" 2>"$T/nonotes.err"
    grep -q '<note' "$T/nonotes.xml" && fail "$f: footnotes: false still made notes"
    grep -q "footnotes: false: note markers and definitions are kept as text" "$T/nonotes.err" ||
        fail "$f: no note on footnotes: false: $(cat "$T/nonotes.err")"
done
grep -q "A line with a mark.$(printf '\xc2\xb9')" "$T/nonotes.xml" || fail "the superscript marker was lost"
grep -q 'The note.' "$T/nonotes.xml" || fail "the superscript definition was lost"
edition nonotes "$shapes/notes_paren.txt" footnotes false
"$IMPRINT" inspect "$T/nonotes.yaml" >"$T/nonotes.xml" 2>/dev/null
grep -q 'made.(1) The survey' "$T/nonotes.xml" || fail "footnotes: false lost the marker (1)"
grep -q '(2) The fulling mill burned in 1871.' "$T/nonotes.xml" || fail "footnotes: false lost a definition"
echo "ok: footnotes: false keeps markers and definitions as text"

"$IMPRINT" inspect "$shapes/gutenberg.txt" >"$T/pg.xml" 2>"$T/pg.err"
grep -q 'Gutenberg' "$T/pg.xml" && fail "the Project Gutenberg header or licence is in the text"
grep -q 'note: lines 1-20: the Project Gutenberg header' "$T/pg.err" || fail "$(cat "$T/pg.err")"
edition pgkeep "$shapes/gutenberg.txt" boilerplate keep
"$IMPRINT" inspect "$T/pgkeep.yaml" >"$T/pgkeep.xml" 2>/dev/null
grep -q 'START OF THE PROJECT GUTENBERG EBOOK' "$T/pgkeep.xml" || fail "boilerplate: keep lost the header"
grep -q 'Section 1. General Terms of Use' "$T/pgkeep.xml" || fail "boilerplate: keep lost the licence"
edition pgbad "$shapes/gutenberg.txt" boilerplate maybe
if "$IMPRINT" lint "$T/pgbad.yaml" >"$T/pgbad.out" 2>&1; then fail "boilerplate: maybe was accepted"; fi
grep -q "pgbad.yaml:4:18: error: bad boilerplate 'maybe' (use drop or keep)" "$T/pgbad.out" ||
    fail "$(cat "$T/pgbad.out")"
echo "ok: a Gutenberg header and licence left out, boilerplate: keep keeps them"

# letters: false keeps salutations, sign-offs and signatures as paragraphs
"$IMPRINT" inspect "$shapes/closers.txt" >"$T/letters-auto.xml" 2>/dev/null
grep -q '<closer>' "$T/letters-auto.xml" || fail "no closer found by default"
grep -q '<opener>' "$T/letters-auto.xml" || fail "no opener found by default"
edition noletters "$shapes/closers.txt" letters false
"$IMPRINT" inspect "$T/noletters.yaml" >"$T/noletters.xml" 2>/dev/null
grep -q '<closer>\|<opener>\|rend="closer"\|rend="opener"' "$T/noletters.xml" &&
    fail "letters: false still made openers or closers"
grep -q 'Your obedient servant,' "$T/noletters.xml" || fail "letters: false lost a sign-off"
grep -q '<p>Gentlemen,</p>' "$T/noletters.xml" || fail "letters: false lost a salutation"
echo "ok: letters: false keeps openers and closers as paragraphs"

edition md "$FIXTURES/markdown/navigation.md" verse true
"$IMPRINT" lint "$T/md.yaml" >"$T/md.out" 2>&1 || true
grep -q "warning: 'verse', 'footnotes', 'letters' and 'boilerplate' apply to the text" "$T/md.out" ||
    fail "no warning on markdown: $(cat "$T/md.out")"
echo "ok: a warning on another dialect"

# markdown: a paragraph a line is cut into them; wrapped: true keeps CommonMark's paragraph,
# wrapped: false cuts every paragraph of several lines
"$IMPRINT" inspect "$FIXTURES/markdown/line_paragraphs.md" >"$T/lines-auto.xml" 2>/dev/null
[ "$(grep -c '<p>' "$T/lines-auto.xml")" -eq 5 ] || fail "line paragraphs: $(grep -c '<p>' "$T/lines-auto.xml") <p>, not 5"
edition mdjoined "$FIXTURES/markdown/line_paragraphs.md" wrapped true
"$IMPRINT" inspect "$T/mdjoined.yaml" >"$T/mdjoined.xml" 2>"$T/mdjoined.err"
[ "$(grep -c '<p>' "$T/mdjoined.xml")" -eq 2 ] || fail "wrapped: true: $(grep -c '<p>' "$T/mdjoined.xml") <p>, not 2"
grep -q "apply to" "$T/mdjoined.err" && fail "wrapped on markdown warned: $(cat "$T/mdjoined.err")"
edition mdcut "$FIXTURES/markdown/line_sentences.md" wrapped false
"$IMPRINT" inspect "$T/mdcut.yaml" >"$T/mdcut.xml" 2>/dev/null
[ "$(grep -c '<p>' "$T/mdcut.xml")" -eq 6 ] || fail "wrapped: false: $(grep -c '<p>' "$T/mdcut.xml") <p>, not 6"
echo "ok: markdown's wrapped: true joins a paragraph a line, wrapped: false cuts every line"

edition bad "$shapes/wrapped.txt" wrapped sometimes
if "$IMPRINT" lint "$T/bad.yaml" >"$T/bad.out" 2>&1; then fail "a bad value was accepted"; fi
grep -q "bad.yaml:4:14: error: bad wrapped 'sometimes'" "$T/bad.out" || fail "$(cat "$T/bad.out")"
echo "ok: a bad value is an error at its place"
