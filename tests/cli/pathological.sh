# Pathological sources (issue 11): inputs shaped to make a reader slow, each
# near a limit. Each must be read in time linear in its size: here, under a
# minute even in a sanitizer build on a loaded machine, where the quadratic
# code they were made against took minutes to hours.
source "$(dirname "$0")/lib/common.sh"
cd "$T"

# quick NAME DIALECT FILE: `inspect` reads FILE within 60 s, whatever it says.
quick() {
    local name=$1 dialect=$2 file=$3 start
    start=$(date +%s)
    run timeout 60 "$IMPRINT" inspect -q --as outline --dialect "$dialect" "$file"
    [ "$rc" -ne 124 ] || fail "$name: still reading after 60 s"
    [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || fail "$name: exit status $rc: $err"
    echo "ok: $name: $(($(date +%s) - start)) s, $(wc -c <"$file") bytes"
}

# A line of 1 MiB of '<' with no '>', then of '>' with no '<' (pdf-markdown
# looked for the other one again at every character), and [x]( with no ')'.
{
    printf '# Title\n\n'
    head -c 1000000 /dev/zero | tr '\0' '<'
    printf ' word\n\n---\n\n<sup>1</sup> note\n\nx'
    head -c 1000000 /dev/zero | tr '\0' '>'
    printf '\n\n'
    for _ in $(seq 100000); do printf ']('; done
    printf '\n'
} >angles.md
quick "angle brackets" pdf-markdown angles.md
quick "angle brackets (markdown)" markdown angles.md
quick "angle brackets (text)" text angles.md

# 500,000 combining marks in a row, of two classes (GLib orders a run of
# marks by insertion), in a line and as character references.
python3 - <<'PY'
marks = "".join("\u0301\u0316" for _ in range(250000))
open("marks.txt", "w", encoding="utf-8").write("Title\n\na" + marks + "\n")
refs = "".join("&#x301;&#x316;" for _ in range(60000))
open("marks.md", "w").write("# Title\n\na" + refs + "\n")
open("marks.xml", "w").write('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
                             '<div type="article"><p>a' + refs + "</p></div></body></text></TEI>\n")
PY
quick "combining marks (text)" text marks.txt
quick "combining marks (markdown references)" markdown marks.md
quick "combining marks (TEI references)" tei marks.xml

# One paragraph of 200,000 lines, one TEI paragraph cut by 200,000
# comments, one note continued over 200,000 pages: a run of text built
# piece by piece.
python3 - <<'PY'
open("lines.md", "w").write("# Title\n\n" + "ab\n" * 200000)
open("comments.xml", "w").write('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
                                '<div type="article"><p>' + "w<!---->" * 200000 +
                                "</p></div></body></text></TEI>\n")
open("pages.md", "w").write("Title<sup>1</sup>\n\n<sup>1</sup> The note" +
                            "\n\n---\n\nand it goes on" * 200000 + "\n")
PY
quick "200,000 lines of one paragraph" markdown lines.md
quick "200,000 comments in one paragraph" tei comments.xml
quick "a note over 200,000 pages" pdf-markdown pages.md

# 10,000 copies of one stub, as many articles as a source may hold (issue
# 10): the duplicate detection pairs each later copy with the first (n - 1
# pairs, not n² / 2: 50 million took minutes and gigabytes).
for i in $(seq 10000); do
    printf '# Post %d\n\nRead more of this post on the original site, where the comments are.\n\n' "$i"
done >stubs.md
quick "10,000 copies of one stub" markdown stubs.md
run timeout 60 "$IMPRINT" lint stubs.md
[ "$rc" -ne 124 ] || fail "lint of 10,000 copies: still comparing after 60 s"
expect_rc 0
expect_has "$err" "0 errors, 9999 warnings"
