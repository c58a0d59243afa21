# An edition's sources read side by side (`-j N` for one edition) give the
# bytes and the messages of reading them one after another: the same
# outputs in every format, the same messages in the same order, the
# metadata of the first source that names it, the same errors for a source
# that is missing. Each source is read once, however many entries name it.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
export SOURCE_DATE_EPOCH=1795219200
mkdir src
cp "$SOURCE_DIR"/editions/sources/000_*.txt src/a.txt
cp "$SOURCE_DIR"/editions/sources/003_*.txt src/b.txt
cp "$SOURCE_DIR"/editions/sources/004_*.txt src/c.txt
cp "$FIXTURES"/markdown/interview.md src/d.md
# Two TEI sources naming an editor: the first one's is the edition's.
for k in 1 2; do
    cat >"src/t$k.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>T$k</title><editor>Editor $k</editor></titleStmt>
<publicationStmt><publisher>Publisher $k</publisher></publicationStmt>
<sourceDesc><p>typed</p></sourceDesc></fileDesc></teiHeader>
<text><body><div type="article"><head>Piece $k</head><p>Text of piece $k.</p></div></body></text></TEI>
XML
done
cat >mixed.yaml <<'YAML'
title: Sources side by side
language: en
date: 2026-11-22
articles:
  - source: src/a.txt
  - source: src/t1.xml
  - source: src/b.txt
  - source: src/c.txt
    dialect: pdf-markdown
  - source: src/d.md
  - source: src/t2.xml
  - source: src/b.txt
    wrapped: false
YAML
run "$IMPRINT" build -f epub,pdf,tei -j 1 -o one mixed.yaml
expect_rc 0 "the sources one after another"
one_err=$err
[ -n "$one_err" ] || fail "the sources gave no message; the test compares them"
grep -q "<editor>Editor 1</editor>" one/mixed.xml || fail "the first TEI source's editor is not the edition's"
grep -q "Editor 2" one/mixed.xml && fail "the second TEI source's editor replaced the first's"
for i in 1 2 3; do
    run "$IMPRINT" build -f epub,pdf,tei -j 3 -o side mixed.yaml
    expect_rc 0 "the sources side by side (run $i)"
    [ "$err" = "$one_err" ] || fail "messages differ side by side (run $i):
$(diff <(echo "$one_err") <(echo "$err"))"
    for f in mixed.epub mixed.pdf mixed.xml; do
        cmp -s "one/$f" "side/$f" || fail "$f: sources read side by side (run $i) differ from one after another"
    done
done

# Errors: a missing source and a source that is not text, side by side as one
# after another, nothing written.
printf 'ok\n\0\0binary' >src/bad.txt
cat >broken.yaml <<'YAML'
title: Broken
articles:
  - source: src/a.txt
  - source: src/missing.txt
  - source: src/bad.txt
  - source: src/b.txt
YAML
run "$IMPRINT" build -f tei -j 1 -o bone broken.yaml
expect_rc 1 "a broken edition, one after another"
bone_err=$err
expect_has "$err" "missing.txt"
run "$IMPRINT" build -f tei -j 4 -o bside broken.yaml
expect_rc 1 "a broken edition, side by side"
[ "$err" = "$bone_err" ] || fail "error messages differ side by side:
$(diff <(echo "$bone_err") <(echo "$err"))"
expect_no_outputs bone
expect_no_outputs bside
echo "sources side by side: outputs and messages of one after another"
