# A Markdown interview ("**Name:** text" turns) built with its two
# lookalikes, a how-to's "**Note:**" paragraphs and a glossary's
# "**Term**: definition": the interview's turns come out as speeches in the
# EPUB (epubcheck clean), the TEI (<sp><speaker>, valid TEI Lite) and the
# PDF's text, the lookalikes' as paragraphs; lint says what it took.
source "$(dirname "$0")/lib/common.sh"
command -v xmllint >/dev/null || fail "xmllint is missing (libxml2-utils)"
command -v pdftotext >/dev/null || fail "pdftotext is missing (poppler-utils)"
md="$FIXTURES/markdown"
cd "$T"
cat >speech.yaml <<YAML
title: Speech turns in Markdown
date: 2026-12-02
articles:
  - source: $md/interview.md
  - source: $md/howto_notes.md
  - source: $md/glossary.md
YAML

run "$IMPRINT" lint speech.yaml
expect_rc 0 "lint"
expect_has "$out$err" "interview.md:10:1: note: 8 of the 13 paragraphs taken as speech turns of 4 speakers"
expect_has "$out$err" "glossary.md:5:1: note: 9 paragraphs open with a bold name and a colon"
if grep -q 'howto_notes.md:.*speech turns' <<<"$out$err"; then
    fail "the how-to's notes were taken for speech turns: $out$err"
fi
expect_has "$out$err" "0 errors, 0 warnings"

run "$IMPRINT" build -q -o out speech.yaml
expect_rc 0 "build"

run java -jar /usr/share/java/epubcheck.jar out/speech.epub
expect_rc 0 "epubcheck"
expect_has "$out$err" "No errors or warnings detected"
interview=$(unzip -p out/speech.epub OEBPS/a001.xhtml)
[ "$(grep -c '<div class="speech">' <<<"$interview")" -eq 8 ] || fail "EPUB: not 8 speeches:
$interview"
expect_has "$interview" '<p><span class="speaker">Maud Ellery:</span> Thirty-one years this spring.'
expect_has "$interview" '<p><span class="speaker">DR. R. VANCE:</span> Forgive the interruption.'
expect_lacks "$interview" "<strong>"
for page in a002 a003; do
    xhtml=$(unzip -p out/speech.epub "OEBPS/$page.xhtml")
    expect_lacks "$xhtml" 'class="speech"'
done
expect_has "$(unzip -p out/speech.epub OEBPS/a002.xhtml)" "<p><strong>Note:</strong> Spring is"
expect_has "$(unzip -p out/speech.epub OEBPS/a003.xhtml)" "<p><strong>Bow</strong>: the front end"
echo "ok: EPUB"

xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/speech.xml 2>rng.log ||
    fail "speech.xml is not valid TEI Lite: $(tail -n 5 rng.log)"
# each article's turns: speaker and number of paragraphs
turns=$(python3 - out/speech.xml <<'PY'
import sys
import xml.etree.ElementTree as ET
TEI = '{http://www.tei-c.org/ns/1.0}'
root = ET.parse(sys.argv[1]).getroot()
for art in root.iter(TEI + 'div'):
    if art.get('type') != 'article':
        continue
    sps = list(art.iter(TEI + 'sp'))
    print(len(sps), ' '.join('%s/%d' % (sp.find(TEI + 'speaker').text,
                                       len(sp.findall(TEI + 'p'))) for sp in sps))
PY
)
want="8 Interviewer/1 Maud Ellery/2 Interviewer/1 TOBIAS OSEI/1 Interviewer/1 TOBIAS OSEI/1 DR. R. VANCE/1 Maud Ellery/1
0 
0 "
[ "$turns" = "$want" ] || fail "TEI turns:
$turns
wanted:
$want"
echo "ok: TEI"

pdftotext out/speech.pdf speech.txt
pdf=$(cat speech.txt)
expect_has "$pdf" "Maud Ellery: Thirty-one years this spring."
expect_has "$pdf" "DR. R. VANCE: Forgive the interruption."
expect_has "$pdf" "Bow: the front end of a boat."
echo "ok: PDF"
