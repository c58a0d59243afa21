# `imprint build -f epub`: writes OUT/NAME.epub that epubcheck accepts
# without a message; two builds are byte-identical, with SOURCE_DATE_EPOCH
# and without; a given cover image is used as it is.
source "$(dirname "$0")/lib/common.sh"
# Under ASan: see the suppression file for the one leak outside imprint.
cd "$T"
cp "$FIXTURES"/epub/cli/small.txt "$FIXTURES"/epub/cli/small.yaml "$FIXTURES"/epub/cli/real-cover.png .

run "$IMPRINT" build -q -f epub -o one small.yaml
expect_rc 0
[ -f one/small.epub ] || fail "no one/small.epub"
[ "$(ls one)" = "small.epub" ] || fail "stray files in one/: $(ls one)"
run "$IMPRINT" build -q -f epub -o two small.yaml
expect_rc 0
cmp one/small.epub two/small.epub || fail "two builds differ"
TZ=Asia/Tokyo LC_ALL=C "$IMPRINT" build -q -f epub -o tokyo small.yaml
cmp one/small.epub tokyo/small.epub || fail "the time zone or locale changed the EPUB"
echo "ok: two builds are byte-identical, whatever the time zone and locale"

# mimetype first, stored.
# (Listings are read whole: grep -q closing the pipe early would fail it.)
listing=$(unzip -Z1 one/small.epub)
[ "$(head -n1 <<<"$listing")" = mimetype ] || fail "mimetype is not first"
details=$(unzip -Zv one/small.epub mimetype)
expect_has "$details" "compression method:                             none (stored)"
expect_has "$details" "length of extra field:                          0 bytes"

run java -jar /usr/share/java/epubcheck.jar one/small.epub
expect_rc 0 "epubcheck"
expect_has "$out$err" "No errors or warnings detected"
echo "ok: epubcheck: no message"

# SOURCE_DATE_EPOCH wins over the edition's date, reproducibly.
SOURCE_DATE_EPOCH=1000000000 "$IMPRINT" build -q -f epub -o three small.yaml
SOURCE_DATE_EPOCH=1000000000 "$IMPRINT" build -q -f epub -o four small.yaml
cmp three/small.epub four/small.epub || fail "SOURCE_DATE_EPOCH builds differ"
cmp -s one/small.epub three/small.epub && fail "SOURCE_DATE_EPOCH changed nothing"
opf=$(unzip -p three/small.epub OEBPS/content.opf)
[[ $opf == *'>2001-09-09T01:46:40Z<'* ]] || fail "dcterms:modified is not SOURCE_DATE_EPOCH"
# DOS times have no zone: imprint writes UTC, unzip shows them as they are.
times=$(unzip -Zl three/small.epub)
entries=$(grep -c '^-' <<<"$times")
stamped=$(grep -c '^-.* 01-Sep-09 01:46 ' <<<"$times")
[ "$entries" -gt 3 ] && [ "$entries" -eq "$stamped" ] ||
    fail "zip times are not all SOURCE_DATE_EPOCH: $times"
echo "ok: SOURCE_DATE_EPOCH"

# A historical date: four-digit years in the package and the colophon; zip
# times cannot go before 1980 and stop there.
sed 's/^date: .*/date: 0001-01-01/' small.yaml >old.yaml
run "$IMPRINT" build -q -f epub -o old old.yaml
expect_rc 0
opf=$(unzip -p old/old.epub OEBPS/content.opf)
[[ $opf == *'>0001-01-01T00:00:00Z<'* ]] || fail "dcterms:modified of the year 1: $opf"
colophon=$(unzip -p old/old.epub OEBPS/colophon.xhtml)
expect_has "$colophon" " on 0001-01-01."
times=$(unzip -Zl old/old.epub)
[ "$(grep -c '^-' <<<"$times")" -eq "$(grep -c '^-.* 80-Jan-01 00:00 ' <<<"$times")" ] ||
    fail "zip times of the year 1 are not 1980-01-01: $times"
run java -jar /usr/share/java/epubcheck.jar old/old.epub
expect_rc 0 "epubcheck of an EPUB dated 0001"
echo "ok: an edition dated 0001-01-01"

# A cover file: used byte for byte.
printf 'cover: real-cover.png\n' >>small.yaml
run "$IMPRINT" build -q -f epub -o five small.yaml
expect_rc 0
unzip -p five/small.epub OEBPS/images/cover.png | cmp - real-cover.png || fail "cover not used as given"
echo "ok: cover file"
