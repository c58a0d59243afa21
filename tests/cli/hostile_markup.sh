# Hostile markup in sources (issue 11): raw HTML reaches the EPUB only as
# inert, well-formed XHTML (no <script>, no event attribute); no output
# (EPUB, PDF, TEI) links to a javascript: or data: URL, whatever the case
# or the syntax that made the link; TEI sources never read an external
# entity or DTD, and an entity-expansion bomb is refused with a clear error.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
mkdir -p sources

cat >sources/html.md <<'MD'
# Raw HTML

<script>alert("block")</script>

Inline <script>alert(1)</script> and <b onclick="alert(2)">bold</b> and
<img src=x onerror="alert(3)"> and <a href="javascript:alert(4)">an anchor</a>
and <iframe src="data:text/html,x"></iframe> and <svg onload=alert(5)>.

[js](javascript:alert(6)) [JS](JaVaScRiPt:alert(7)) [data](data:text/html;base64,PHNjcmlwdD4=)
[spaced]( javascript:alert(8)) [vb](vbscript:msgbox) [file](file:///etc/passwd)
[ok](https://example.org/fine) <javascript:alert(9)>
MD
cat >html.yaml <<'YAML'
title: Hostile markup
date: 2026-11-22
articles:
  - source: sources/html.md
    url: "javascript:alert(10)"
YAML
run "$IMPRINT" build -o out html.yaml
expect_rc 0 "build"
unzip -t -q out/html.epub >/dev/null || fail "the EPUB does not test as a zip"

# EPUB: every XHTML file parses, and holds no script, no on* attribute, no
# link but the one to https://example.org/fine (and the book's own).
mkdir epub
(cd epub && unzip -q ../out/html.epub)
for x in epub/OEBPS/*.xhtml; do
    xmllint --noout "$x" || fail "$x is not well-formed"
    n=$(xmllint --xpath "count(//*[local-name()='script' or local-name()='iframe' or local-name()='svg' or (local-name()='img' and @src='x')]|//@*[starts-with(name(),'on')])" "$x")
    [ "$n" = 0 ] || fail "$x has $n scripts, frames or event attributes"
    hrefs=$(xmllint --xpath "//@href|//@src" "$x" 2>/dev/null || true)
    for bad in javascript JaVaScRiPt data: vbscript file:; do
        expect_lacks "$hrefs" "$bad"
    done
done
all=$(cat epub/OEBPS/*.xhtml)
expect_has "$all" 'href="https://example.org/fine"'
# The raw HTML is there as text, escaped.
expect_has "$all" '&lt;script&gt;alert(1)&lt;/script&gt;'
expect_has "$all" '&lt;img src=x onerror='
echo "ok: EPUB: raw HTML is inert text, only the web link is a link"

# PDF: the link annotations name only the web address.
qpdf --check out/html.pdf >/dev/null || fail "qpdf --check fails on the PDF"
qpdf --qdf --object-streams=disable out/html.pdf plain.pdf
uris=$(grep -a '/URI' plain.pdf || true)
expect_has "$uris" "https://example.org/fine"
for bad in javascript JaVaScRiPt data: vbscript file:; do
    expect_lacks "$uris" "$bad"
done
echo "ok: PDF: $(grep -c . <<<"$uris") URI action(s), none to javascript: or data:"

# TEI: valid, and no target but the web one (the texts are kept).
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/html.xml 2>/dev/null ||
    fail "the TEI does not validate"
targets=$(xmllint --xpath "//*[local-name()='ref']/@target" out/html.xml)
expect_has "$targets" "https://example.org/fine"
for bad in javascript JaVaScRiPt data: vbscript file:; do
    expect_lacks "$targets" "$bad"
done
tei=$(cat out/html.xml)
expect_has "$tei" "javascript:alert(10)"
expect_has "$tei" "<p>js JS data spaced vb file <ref"
echo "ok: TEI: only the web link has a target"

# The TEI reader: an external entity and an external parameter entity are
# never read (the marker files stay out of every output), nor is an
# external DTD.
echo 'SECRET-FROM-THE-DISK' >secret.txt
echo '<!ENTITY leak "SECRET-FROM-A-DTD">' >evil.dtd
cat >sources/xxe.xml <<XML
<?xml version="1.0"?>
<!DOCTYPE TEI SYSTEM "file://$T/evil.dtd" [
  <!ENTITY xxe SYSTEM "file://$T/secret.txt">
  <!ENTITY % pe SYSTEM "file://$T/evil.dtd">
  %pe;
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="article">
<p>Before &xxe; after.</p></div></body></text></TEI>
XML
cat >xxe.yaml <<'YAML'
title: XXE
date: 2026-11-22
articles:
  - source: sources/xxe.xml
YAML
run "$IMPRINT" build -o out xxe.yaml
expect_rc 0 "xxe"
expect_has "$err" "entity reference &xxe; is not expanded"
for f in out/xxe.xml out/xxe.pdf; do
    if grep -aq SECRET "$f"; then fail "$f holds a file read through an entity"; fi
done
if unzip -p out/xxe.epub | grep -aq SECRET; then fail "the EPUB holds a file read through an entity"; fi
echo "ok: external entities and DTDs are not read"

# Billion laughs: refused, with a message that says what it is.
{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE TEI ['
    echo ' <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    prev=a
    for e in b c d e f g h i j; do
        printf ' <!ENTITY %s "%s">\n' "$e" "$(printf "&$prev;%.0s" $(seq 16))"
        prev=$e
    done
    echo ']>'
    echo '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="article"><p>&j;</p></div></body></text></TEI>'
} >sources/laughs.xml
sed 's/xxe.xml/laughs.xml/' xxe.yaml >laughs.yaml
run timeout 60 "$IMPRINT" build -o out-laughs laughs.yaml
expect_rc 1 "billion laughs"
expect_has "$err" "sources/laughs.xml:"
expect_has "$err" "error: malformed XML: entities that expand without bound are refused"
expect_no_outputs out-laughs
echo "ok: billion laughs: $(grep -F 'without bound' <<<"$err")"

# A control character in a footnote label: the TEI's n="…" shows it as a
# visible symbol (write/chars.c), so the file stays valid XML.
printf 'Text[^\001x].\n\n[^\001x]: The note.\n' >sources/label.md
sed 's/xxe.xml/label.md/' xxe.yaml >label.yaml
run "$IMPRINT" build -f tei -o out label.yaml
expect_rc 0 "control character in a note label"
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/label.xml 2>/dev/null ||
    fail "a control character in a note label made the TEI invalid"
expect_has "$(cat out/label.xml)" 'n="␁x"'
echo "ok: a control character in a note label: n=\"␁x\""
