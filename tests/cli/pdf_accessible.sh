# What the tagged PDF says beyond its tree (src/write/pdf/finish.c): the
# document's language and its title as the window title, an article in
# another language with its /Lang (one in the document's language has
# none), a figure's alternative text (its caption, else the text it stood
# for, else its file name), all checked in the objects qpdf reads; the file
# stays clean for qpdf.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
cp -r "$FIXTURES"/language/* .
run "$IMPRINT" build -q -f pdf -o out languages.yaml
expect_rc 0 "languages"
run qpdf --check out/languages.pdf
expect_rc 0 "qpdf --check"
run python3 "$FIXTURES/pdf/cli/langcheck.py" out/languages.pdf
expect_rc 0 "langcheck"
[ "$out" = "catalog-lang fr
display-doc-title true
art-lang -
art-lang de
art-lang en" ] || fail "languages of the French edition: $out"
run pdfinfo out/languages.pdf
NNBSP=$'\u202F' # the narrow no-break space French sets inside guillemets
expect_has "$out" "Title:           Éditions «${NNBSP}multilingues${NNBSP}»"
echo "ok: /Lang fr on the document, de and en on the two articles in other languages"

# The same edition in German: now the German article has no /Lang of its
# own and the French one has.
sed 's/^language: fr/language: de/' languages.yaml >german.yaml
run "$IMPRINT" build -q -f pdf -o out german.yaml
expect_rc 0 "german"
run python3 "$FIXTURES/pdf/cli/langcheck.py" out/german.pdf
[ "$out" = "catalog-lang de
display-doc-title true
art-lang -
art-lang -
art-lang en" ] || fail "languages of the German edition: $out"
echo "ok: an article whose language the edition has set carries none"

# Figures: a Markdown image's alt and title, a text file's image line.
mkdir fig
cp "$FIXTURES"/markdown/figures_and_refs.md fig/
cat >fig/figures.yaml <<'YAML'
title: Figures
language: en
articles:
  - source: figures_and_refs.md
YAML
run "$IMPRINT" build -q -f pdf -o out fig/figures.yaml
expect_rc 0 "figures"
run python3 "$FIXTURES/pdf/cli/langcheck.py" out/figures.pdf
expect_rc 0 "langcheck figures"
alts=$(grep '^figure-alt' <<<"$out")
[ "$alts" = "figure-alt Figure 1. The square
figure-alt Only alt" ] || fail "figure alternative texts: $alts"
run qpdf --check out/figures.pdf
expect_rc 0 "qpdf --check figures"
echo "ok: each Figure has its caption as /Alt"
