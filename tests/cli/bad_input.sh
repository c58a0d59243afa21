# The bad-input matrix of issue 2: each case gives a clear message, exits 1
# or 2, and leaves no output file (nor a temporary one) behind.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
mkdir -p sources

# edition NAME SOURCE [EXTRA YAML]: an edition of one source, read as text.
edition() {
    cat >"$1.yaml" <<YAML
title: Bad input $1
articles:
  - source: $2
${3:-}
YAML
}

# bad NAME MESSAGE: building NAME.yaml fails with MESSAGE and writes nothing;
# so does inspecting its source, which prints nothing on stdout.
bad() {
    local name=$1 message=$2
    run "$IMPRINT" build -f tei -o "out-$name" "$name.yaml"
    [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] || fail "$name: exit status $rc, wanted 1 or 2"
    expect_has "$err" "$message"
    expect_has "$err" ": error: "
    expect_no_outputs "out-$name"
    echo "ok: $name: $(grep -F -- "$message" <<<"$err" | head -n1)"
}
bad_inspect() {
    local name=$1 source=$2 message=$3
    run "$IMPRINT" inspect "$source"
    expect_rc 1 "inspect $name"
    expect_has "$err" "$message"
    [ -z "$out" ] || fail "$name: inspect printed a document despite the error"
}

# An empty file, and one with only (no-break) spaces.
: >sources/empty.txt
edition empty sources/empty.txt
bad empty "sources/empty.txt: error: empty file: no text to read"
bad_inspect empty sources/empty.txt "empty file: no text to read"
printf '  \n\xc2\xa0\xc2\xa0\n\n' >sources/blank.txt
edition blank sources/blank.txt
bad blank "sources/blank.txt: error: no text: the file holds only white space"

# A binary file: a zip header and NUL bytes.
printf 'PK\003\004\024\000\010\000binary\000\000' >sources/binary.txt
edition binary sources/binary.txt
bad binary "sources/binary.txt:1:6: error: binary file: NUL byte at byte 5"
bad_inspect binary sources/binary.txt "binary file"

# Invalid UTF-8 (Latin-1 é): the message names the byte offset, line and column.
printf 'A Title\n\nCaf\xe9 au lait.\n' >sources/latin1.txt
edition latin1 sources/latin1.txt
bad latin1 "sources/latin1.txt:3:4: error: invalid UTF-8 at byte 12 (0xE9)"
bad_inspect latin1 sources/latin1.txt "invalid UTF-8 at byte 12"

# A 5 MB single line (made here, never committed).
{
    printf 'A Title\n\n'
    head -c 5242880 /dev/zero | tr '\0' 'w' | fold -w 9 | tr '\n' ' '
    printf '\n'
} >sources/longline.txt
[ "$(wc -c <sources/longline.txt)" -gt 5000000 ] || fail "the long line was not made"
edition longline sources/longline.txt
bad longline "sources/longline.txt:3:1: error: line too long"
bad_inspect longline sources/longline.txt "line too long"

# Nesting deeper than IMPRINT_MAX_DEPTH (64): 100 nested <emph> in a TEI
# source, and 100 nested lists.
"$IMPRINT" inspect -q --dialect text "$FIXTURES/edition/sources/two.txt" >plain.xml
open=$(printf '<emph>%.0s' $(seq 100))
close=$(printf '</emph>%.0s' $(seq 100))
sed "s|<p>Some text of the first piece.</p>|<p>${open}deep${close}</p>|" plain.xml >sources/deep.xml
grep -q '<emph><emph>' sources/deep.xml || fail "the deep TEI was not made"
edition deep sources/deep.xml
bad deep "nested deeper than 64 levels"
bad_inspect deep sources/deep.xml "nested deeper than 64 levels"
open=$(printf '<list><item>%.0s' $(seq 100))
close=$(printf '</item></list>%.0s' $(seq 100))
sed "s|<p>Some text of the first piece.</p>|${open}<p>deep</p>${close}|" plain.xml >sources/deeplist.xml
edition deeplist sources/deeplist.xml
bad deeplist "nested deeper than 64 levels"

# A missing source: at the line and column of its 'source:' value.
edition missing sources/nowhere.txt
bad missing "missing.yaml:3:13: error: source 'sources/nowhere.txt' not found"

# An unknown edition key: at its line and column, with a suggestion.
edition typo sources/latin1.txt "    selct: A Title"
bad typo "typo.yaml:4:5: error: unknown key 'selct' (did you mean 'select'?)"

# A missing edition file.
bad nonexistent "nonexistent.yaml: error: cannot read edition"

# An unwritable output folder. Root writes anywhere chmod forbids, so the
# folder is asked for under a regular file, which no one can make.
printf '%s\n' "$(cat "$FIXTURES/edition/sources/two.txt")" >sources/two.txt
edition good sources/two.txt '    dialect: text
    split: [First Piece, Second Piece]'
echo "not a folder" >afile
run "$IMPRINT" build -f tei -o afile/out good.yaml
expect_rc 1 "output under a file"
expect_has "$err" "afile/out: error: cannot make the output folder: Not a directory"
[ "$(cat afile)" = "not a folder" ] || fail "afile was changed"
echo "ok: unwritable: $err"
if [ "$(id -u)" -ne 0 ]; then
    mkdir locked && chmod 555 locked
    run "$IMPRINT" build -f tei -o locked good.yaml
    expect_rc 1 "read-only output folder"
    expect_has "$err" "locked: error: cannot write in the output folder: Permission denied"
    expect_no_outputs locked
    echo "ok: read-only folder"
fi
# /proc refuses new files even to root.
if [ -d /proc/self ]; then
    run "$IMPRINT" build -f tei -o /proc/self/imprint-out good.yaml
    expect_rc 1 "output under /proc"
    expect_has "$err" "/proc/self/imprint-out: error: cannot make the output folder"
    echo "ok: /proc"
fi

# 10,000 footnotes: within IMPRINT_MAX_NOTES, so they must all come through,
# each linked, in an edition that builds.
awk 'BEGIN {
    split("⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹", sup, " ")
    print "Ten Thousand Notes\n"
    for (i = 1; i <= 10000; i++) {
        s = ""; n = i
        while (n > 0) { s = sup[n % 10 + 1] s; n = int(n / 10) }
        mark[i] = s
        printf "Sentence number %d carries a note.%s\n\n", i, s
    }
    for (i = 1; i <= 10000; i++)
        printf "%s Note number %d.\n", mark[i], i
}' >sources/notes.txt
edition notes sources/notes.txt "    dialect: text"
run "$IMPRINT" build -q -f tei -o out-notes notes.yaml
expect_rc 0 "10,000 footnotes"
notes=$(grep -o '<note ' out-notes/notes.xml | wc -l)
[ "$notes" -eq 10000 ] || fail "expected 10000 notes in the TEI, found $notes"
expect_has "$(cat out-notes/notes.xml)" "Note number 10000."
echo "ok: 10,000 footnotes, all in the TEI"
echo "all bad-input cases passed"
