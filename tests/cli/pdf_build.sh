# `imprint build -f pdf`: a valid PDF with only the bundled fonts, embedded;
# every article title in the text and the outline; notes on the page of
# their reference (or after the article with `notes: article`); metadata
# from the edition; byte-identical rebuilds; the paper sizes; link boxes
# over the text they stand for.
source "$(dirname "$0")/lib/common.sh"
# Sanitizer builds: fontconfig loses memory once per process (see the file).
cd "$T"
unset SOURCE_DATE_EPOCH # the edition date is checked first
cp "$FIXTURES"/pdf/cli/notes.txt "$FIXTURES"/pdf/cli/notes.yaml .
CHECK="$FIXTURES/pdf/cli/pdfcheck.py"

# fonts_ok PDF: every font is a subset of Linux Libertine O, embedded.
fonts_ok() {
    local fonts
    fonts=$(pdffonts "$1" | tail -n +3)
    [ -n "$fonts" ] || fail "pdffonts lists no font in $1"
    while read -r name type rest; do
        case $name in *+LinLibertineO*) ;; *) fail "not a bundled font: $name" ;; esac
        # emb is the first yes/no column after the encoding.
        grep -qE " (yes|no) +(yes|no) +(yes|no) +[0-9]+ +[0-9]+$" <<<"$rest" ||
            fail "cannot read pdffonts line: $name $type $rest"
        [ "$(awk '{print $(NF-4)}' <<<"$rest")" = yes ] || fail "font not embedded: $name"
    done <<<"$fonts"
}

run "$IMPRINT" build -f pdf,tei -o one notes.yaml
expect_rc 0
expect_lacks "$err" "overflows the measure"
[ "$(ls one | sort | tr '\n' ' ')" = "notes.pdf notes.xml " ] || fail "stray files: $(ls one)"
run qpdf --check one/notes.pdf
expect_rc 0 "qpdf --check"
echo "ok: qpdf --check is clean"
fonts_ok one/notes.pdf
echo "ok: only Linux Libertine O, embedded"
python3 "$CHECK" one/notes.pdf one/notes.xml

run pdfinfo -isodates one/notes.pdf
expect_has "$out" "Title:           Notes Fixture Edition"
expect_has "$out" "Subject:         Footnotes on the page"
expect_has "$out" "Author:          Test Editors"
expect_has "$out" "Creator:         imprint $("$IMPRINT" --version | awk '{print $NF}')"
expect_has "$out" "CreationDate:    2026-11-21T00:00:00"
expect_has "$out" "ModDate:         2026-11-21T00:00:00"
expect_has "$out" "Page size:       419.528 x 595.276 pts"
echo "ok: metadata from the edition"

# Title page, then contents with page numbers after dot leaders.
pdftotext -layout one/notes.pdf pages.txt
first=$(awk 'BEGIN{RS="\f"} NR==1' pages.txt)
expect_has "$first" "Notes Fixture Edition"
contents=$(awk 'BEGIN{RS="\f"} /Contents/ {print; exit}' pages.txt)
line=$(grep "A Second Article" <<<"$contents")
grep -qE "A Second Article *(\. )+\.? *[0-9]+$" <<<"$line" || fail "no dot leaders: $line"
n=$(grep -oE "[0-9]+$" <<<"$line")
page=$(awk -v n="$n" 'BEGIN{RS="\f"} NR==n' pages.txt)
expect_has "$page" "A Second Article"
echo "ok: the contents sends 'A Second Article' to page $n, where it starts"

# Reproducible: twice the same bytes, with and without SOURCE_DATE_EPOCH.
run "$IMPRINT" build -q -f pdf -o two notes.yaml
expect_rc 0
cmp one/notes.pdf two/notes.pdf || fail "two builds differ"
# One edition alone lays out its articles on the -j threads: the same bytes.
run "$IMPRINT" build -q -f pdf -j 3 -o threads notes.yaml
expect_rc 0
cmp one/notes.pdf threads/notes.pdf || fail "a build on 3 threads differs from one on 1"
SOURCE_DATE_EPOCH=1000000000 "$IMPRINT" build -q -f pdf -o three notes.yaml
SOURCE_DATE_EPOCH=1000000000 "$IMPRINT" build -q -f pdf -o four notes.yaml
cmp three/notes.pdf four/notes.pdf || fail "SOURCE_DATE_EPOCH builds differ"
run pdfinfo -isodates three/notes.pdf
# PDF dates are "D:" dates to the minute (Cairo 1.16 leaves out the "D:").
expect_has "$out" "CreationDate:    2001-09-09T01:46:00"
echo "ok: two builds are byte-identical"

# A historical date: poppler reads a date of before 1930 without "D:" as
# the year 2680; imprint writes a proper PDF date.
sed 's/^date: .*/date: 1888-01-30/' notes.yaml >old.yaml
run "$IMPRINT" build -q -f pdf -o old old.yaml
expect_rc 0
run pdfinfo -isodates old/old.pdf
expect_has "$out" "CreationDate:    1888-01-30T00:00:00"
expect_has "$out" "ModDate:         1888-01-30T00:00:00"
run qpdf --check old/old.pdf
expect_rc 0 "qpdf --check of a PDF dated 1888"
echo "ok: an edition dated 1888"

# Endnotes: `notes: article` sets the notes after each article, under "Notes".
sed 's/notes: page/notes: article/' notes.yaml >endnotes.yaml
run "$IMPRINT" build -q -f pdf,tei -o five endnotes.yaml
expect_rc 0
python3 "$CHECK" five/endnotes.pdf five/endnotes.xml --notes article
pdftotext five/endnotes.pdf end.txt
ref=$(awk 'BEGIN{RS="\f"} /The point made here needs a source/ {print NR; exit}' end.txt)
notes=$(awk 'BEGIN{RS="\f"} /Notes/ && /Minutes of the congress, volume 1,/ {print NR; exit}' end.txt)
[ -n "$notes" ] || fail "no endnotes under a Notes heading"
[ "$notes" -gt "$ref" ] || fail "endnotes on page $notes, before the text on page $ref"
second=$(awk 'BEGIN{RS="\f"} /A Second Article/ {n=NR} END{print n}' end.txt)
[ "$notes" -lt "$second" ] || fail "endnotes of the first article after the second article"
echo "ok: endnotes after their article"

# Link boxes over their text where lines do not start at the left edge: a
# right-aligned citation with a note reference, bibliography entries with
# addresses after a line break (pdfcheck.py reads each box's text).
cp "$FIXTURES"/pdf/cli/links.xml "$FIXTURES"/pdf/cli/links.yaml .
run "$IMPRINT" build -f pdf,tei -o links links.yaml
expect_rc 0
expect_lacks "$err" "warning"
python3 "$CHECK" links/links.pdf links/links.xml
pdftotext links/links.pdf links.txt
grep -q "Raya Dunayevskaya1" links.txt || fail "the citation's note number is not after its text"
! grep -q $'\u2060' links.txt || fail "the word joiner before a note number is in the text"
echo "ok: link boxes over their text off the left edge"

# A running head too long for the line is cut after a whole word, with an
# ellipsis (never inside a word or number: "(Aug 26. 19…").
cp "$FIXTURES"/pdf/cli/heads.xml "$FIXTURES"/pdf/cli/heads.yaml .
run "$IMPRINT" build -f pdf -o heads heads.yaml
expect_rc 0
expect_lacks "$err" "warning"
title="The Questions of the United Front in Germany, by Walter Ulbricht (Aug 26. 1932)"
head=$(pdftotext -f 5 -l 5 -layout heads/heads.pdf - | head -1 | sed 's/^ *//; s/ *[0-9]*$//')
[[ $head == *… ]] || fail "no ellipsis at the end of the running head: $head"
prefix=${head%…}
[[ $title == "$prefix"* ]] || fail "running head '$head' is not the start of the title"
rest=${title#"$prefix"}
[[ ${rest:0:1} =~ [[:alnum:]] ]] && fail "running head cut inside a word: $head"
echo "ok: running head cut after a word: $head"

# Paper sizes.
for spec in "a4:595.276 x 841.89" "letter:612 x 792" "6x9in:432 x 648" "120x180mm:340.157 x 510.236"; do
    paper=${spec%%:*}
    sed "s/paper: a5/paper: $paper/" notes.yaml >paper.yaml
    run "$IMPRINT" build -q -f pdf -o "p-$paper" paper.yaml
    expect_rc 0 "paper $paper"
    run pdfinfo "p-$paper/paper.pdf"
    expect_has "$out" "Page size:       ${spec#*:} pts"
done
echo "ok: a4, letter, 6x9in, 120x180mm"

# Memory: no leak and no invalid access under valgrind (a sanitizer build
# checks the same runs through LeakSanitizer above).
# (ldd's output is read whole: `ldd | grep -q` fails under pipefail when grep
# stops early.)
libs=$(ldd "$IMPRINT" 2>/dev/null || true)
if grep -q libasan <<<"$libs"; then
    echo "sanitizer build: valgrind skipped"
elif command -v valgrind >/dev/null; then
    run valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
        --suppressions="$SOURCE_DIR/tests/sanitizers/valgrind.supp" "$IMPRINT" build -q -f pdf -o vg notes.yaml
    expect_rc 0 "valgrind"
    cmp one/notes.pdf vg/notes.pdf || fail "the build under valgrind differs"
    echo "ok: valgrind clean"
else
    fail "valgrind is not installed"
fi
