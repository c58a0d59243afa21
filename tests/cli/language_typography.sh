# Typography for each language (`language:` on the edition and on an
# article): quotation marks and French spacing in the EPUB and the PDF alike,
# each article hyphenated with its own patterns, xml:lang per article and a
# dc:language for each; an unknown language is a warning, never a failure.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
# expect_lines TEXT NEEDLE: TEXT holds NEEDLE, lines and all (grep would
# take each line of a needle as a pattern of its own).
expect_lines() {
    [[ $1 == *"$2"* ]] || fail "expected the lines:
$2
in:
$1"
}
cp -r "$FIXTURES"/language/* .
NNBSP=$'\u202F' # narrow no-break space

run "$IMPRINT" build -f epub,pdf,tei -o out languages.yaml
expect_rc 0
expect_lacks "$err" "warning"

# EPUB: every article in its language, with its marks.
epub=out/languages.epub
run java -jar /usr/share/java/epubcheck.jar "$epub"
expect_rc 0 "epubcheck"
expect_has "$out$err" "No errors or warnings detected"
fr=$(unzip -p "$epub" OEBPS/a001.xhtml)
de=$(unzip -p "$epub" OEBPS/a002.xhtml)
en=$(unzip -p "$epub" OEBPS/a003.xhtml)
expect_has "$fr" 'xml:lang="fr"'
expect_has "$de" 'xml:lang="de"'
expect_has "$en" 'xml:lang="en"'
expect_has "$fr" "répondit${NNBSP}: «${NNBSP}Nous ne reculerons pas${NNBSP}!${NNBSP}» Pourquoi${NNBSP}?"
expect_has "$fr" "historique${NNBSP}; les"
# Already in guillemets: the spaces inside become narrow no-break ones.
expect_has "$fr" "«${NNBSP}Déjà écrit${NNBSP}»"
expect_has "$fr" "«${NNBSP}serré${NNBSP}» aussi${NNBSP}: voilà"
# Lookalikes: a time, an address, two marks together.
expect_has "$fr" "À 10:30,"
expect_has "$fr" "http://example.org/?page=1"
expect_has "$fr" "Quoi${NNBSP}?!"
expect_has "$de" "Er sagte: „Die Gewerkschaften"
expect_has "$de" "‚und zwar jeden Tag‘.“"
expect_has "$de" "geht’s"
expect_has "$de" "Wo? Hier!"
expect_has "$de" "»Zitat«"
expect_has "$en" "She said “yes”: the answer? It was ‘no’!"
opf=$(unzip -p "$epub" OEBPS/content.opf)
expect_lines "$opf" "<dc:language>fr</dc:language>
<dc:language>de</dc:language>
<dc:language>en</dc:language>"
echo "ok: EPUB: quotation marks, spacing and xml:lang by language; epubcheck clean"

# PDF: the same text; French hyphenated by its patterns (dé-termination: the
# English patterns cannot break after "dé"), German text with its marks.
pdf=out/languages.pdf
run qpdf --check "$pdf"
expect_rc 0 "qpdf --check"
expect_has "$out" "No syntax or stream encoding errors found"
text=$(pdftotext "$pdf" -)
# pdftotext shows U+202F as a space; the font's glyph for it is U+202F.
expect_has "$text" "répondit : « Nous ne reculerons pas ! » Pourquoi ?"
# -layout keeps the lines as set; a word hyphenated at a line end copies
# whole from its first line (the tagged PDF's text layer), so the line that
# the French patterns broke after "dé-" holds the whole word and the next
# line begins after it (the patterns themselves: unit/test_hyphenate).
lines=$(pdftotext -layout "$pdf" - | sed 's/^ *//')
expect_lines "$lines" "l’extraordinaire détermination
des travailleuses"
expect_has "$text" "Er sagte: „Die Gewerkschaften"
expect_has "$text" "»Zitat«"
qpdf --qdf --object-streams=disable "$pdf" qdf.pdf
grep -aq '<202f>' qdf.pdf || fail "no glyph of the PDF maps to U+202F"
expect_lacks "$(pdftotext out/languages.pdf - | tr '\n' ' ')" "répondit: "
echo "ok: PDF: the same marks and spacing, French patterns; qpdf clean"

# TEI: the article's language and the localized text.
tei=$(cat out/languages.xml)
expect_has "$tei" 'xml:lang="de"'
expect_has "$tei" "„Die Gewerkschaften"

# The same French source in an English edition keeps what the reader made.
sed 's/^language: fr/language: en/' languages.yaml >english.yaml
run "$IMPRINT" build -f epub -o out english.yaml
expect_rc 0
expect_has "$(unzip -p out/english.epub OEBPS/a001.xhtml)" "répondit: “Nous ne reculerons pas!”"
echo "ok: English keeps the reader's marks"

# An unknown language: warnings, no hyphenation, outputs all the same.
run "$IMPRINT" build -f epub,pdf -o out unknown.yaml
expect_rc 0 "unknown language"
expect_has "$err" "unknown.yaml: warning: no typography rules for language 'xx'"
expect_has "$err" "warning: no typography rules for language 'qq'"
expect_has "$err" "warning: no hyphenation patterns for language 'xx'"
[ -s out/unknown.pdf ] && [ -s out/unknown.epub ] || fail "no outputs for the unknown language"
run qpdf --check out/unknown.pdf
expect_rc 0
echo "ok: unknown languages are warnings"
