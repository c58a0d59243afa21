# Code (Markdown's fenced and indented blocks, and code set into a plain
# text) is set as it is, in every
# output: TEI <eg xml:space="preserve">, EPUB <pre class="code"> in the
# style's mono face (embedded only when there is code), PDF lines in that
# face, spaces, tabs and blank lines kept, quotes and dashes as typed; read back
# from TEI unchanged.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
export SOURCE_DATE_EPOCH=1795219200
cp "$FIXTURES/markdown/code_blocks.md" code.md
printf 'title: Code\nlanguage: en\ndate: 2026-11-22\narticles:\n  - source: code.md\n' >code.yaml
run "$IMPRINT" build -q -o out code.yaml
expect_rc 0 "an edition with code"

# TEI: the lines as written, straight quotes and double hyphens kept.
tei=$(cat out/code.xml)
expect_has "$tei" '<eg xml:space="preserve">apt-get install -y libpango1.0-dev libzip-dev'
expect_has "$tei" $'\tcmake --build build -j2   # after a tab</eg>'
expect_has "$tei" 'Safe                = &quot;Safe&quot; &quot;:&quot; safe-nature'
expect_has "$tei" $'safe-nature         = &quot;yes&quot; | &quot;no&quot; | conditionally-safe\n\nsafe-condition'
expect_has "$tei" "token -- 'quoted' &quot;straight&quot;</eg>"
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/code.xml 2>/dev/null ||
    fail "the TEI with <eg> does not validate against TEI Lite"
# Read back from TEI: the same code.
run "$IMPRINT" inspect --as tei out/code.xml
expect_rc 0 "the TEI read back"
[ "$(sed -n '/<body>/,/<\/body>/p' <<<"$out")" = "$(sed -n '/<body>/,/<\/body>/p' out/code.xml)" ] ||
    fail "code read back from TEI differs"

# EPUB: <pre> with newlines, the mono face embedded and named in the CSS.
xhtml=$(unzip -p out/code.epub OEBPS/a001.xhtml)
expect_has "$xhtml" '<pre class="code"><code>apt-get install -y libpango1.0-dev libzip-dev'
expect_has "$xhtml" "token -- 'quoted' &quot;straight&quot;</code></pre>"
css=$(unzip -p out/code.epub OEBPS/css/style.css)
expect_has "$css" 'font-family: "Linux Libertine Mono O";'
expect_has "$css" 'pre.code {'
expect_has "$(unzip -l out/code.epub)" "OEBPS/fonts/LinLibertine_M.otf"
expect_epubcheck_clean out/code.epub

# PDF: the mono face embedded, the lines and their spaces as written.
expect_has "$(pdffonts out/code.pdf)" "LinLibertineMO"
text=$(pdftotext -layout out/code.pdf -)
expect_has "$text" "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release"
grep -q 'safe-nature *= "yes" | "no" | conditionally-' <<<"$text" || fail "the grammar line lost its shape: $text"
qpdf --check out/code.pdf >/dev/null || fail "qpdf finds the PDF with code broken"

# A French edition spaces its prose's colons, not its code's.
printf 'title: Code\nlanguage: fr\ndate: 2026-11-22\narticles:\n  - source: code.md\n' >fr.yaml
run "$IMPRINT" build -q -f tei -o out fr.yaml
expect_rc 0 "a French edition with code"
expect_has "$(cat out/fr.xml)" 'Safe                = &quot;Safe&quot; &quot;:&quot; safe-nature'
expect_has "$(cat out/fr.xml)" $'gives it, is kept column for column\u202f:'

# Code set into a plain text (the text reader's code.c): the same blocks in
# every output, a drawing's lines and a grammar's columns as typed.
cp "$FIXTURES/text/shapes/code_in_text.txt" manual.txt
printf 'title: Manual\nlanguage: en\ndate: 2026-11-22\narticles:\n  - source: manual.txt\n' >manual.yaml
run "$IMPRINT" build -q -o out manual.yaml
expect_rc 0 "an edition of a text with code"
tei=$(cat out/manual.xml)
expect_has "$tei" $'<eg xml:space="preserve">+-------+        +-------+\n| upper |-------&gt;| bell  |'
expect_has "$tei" $'gate-name    = &quot;upper&quot; | &quot;middle&quot; | &quot;lower&quot;\n             | &quot;weir&quot;'
xmllint --noout --relaxng "$SOURCE_DIR/schemas/tei_lite.rng" out/manual.xml 2>/dev/null ||
    fail "the TEI of a text with code does not validate against TEI Lite"
expect_has "$(unzip -p out/manual.epub OEBPS/a001.xhtml)" $'<pre class="code"><code>$ cd /srv/locks\n$ ./signals --gate upper --bell 2</code></pre>'
expect_epubcheck_clean out/manual.epub
text=$(pdftotext -layout out/manual.pdf -)
grep -Eq '\| upper \|------->\| bell +\|' <<<"$text" || fail "the drawing lost its shape in the PDF: $text"
grep -q 'A:\\LOCKS>SIGNALS /GATE:UPPER' <<<"$text" || fail "the DOS session lost a line in the PDF: $text"
qpdf --check out/manual.pdf >/dev/null || fail "qpdf finds the PDF of a text with code broken"

# Without code, no mono face goes in.
printf '# Prose\n\nOnly prose here.\n' >prose.md
printf 'title: Prose\nlanguage: en\ndate: 2026-11-22\narticles:\n  - source: prose.md\n' >prose.yaml
run "$IMPRINT" build -q -o out prose.yaml
expect_rc 0 "an edition without code"
expect_lacks "$(unzip -l out/prose.epub)" "LinLibertine_M"
expect_lacks "$(unzip -p out/prose.epub OEBPS/css/style.css)" "pre.code"
expect_lacks "$(pdffonts out/prose.pdf)" "LinLibertineMO"
echo "code kept as it is in TEI, EPUB and PDF"
