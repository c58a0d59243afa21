# Every bundled edition as PDF: valid, bundled fonts only, every title in the
# text and the outline, notes on the page of their reference, no line over
# the measure.
source "$(dirname "$0")/lib/common.sh"
# Sanitizer builds: fontconfig loses memory once per process (see the file).
cd "$T"
for ed in "$SOURCE_DIR"/editions/*.yaml; do
    name=$(basename "$ed" .yaml)
    run "$IMPRINT" build -f pdf,tei -o out "$ed"
    expect_rc 0 "$name"
    expect_lacks "$err" "overflows the measure"
    run qpdf --check "out/$name.pdf"
    expect_rc 0 "qpdf --check $name"
    bad=$(pdffonts "out/$name.pdf" | tail -n +3 | grep -v "+LinLibertineO" || true)
    [ -z "$bad" ] || fail "$name: fonts other than the bundled ones: $bad"
    notemb=$(pdffonts "out/$name.pdf" | tail -n +3 | awk '$(NF-4) != "yes"')
    [ -z "$notemb" ] || fail "$name: fonts not embedded: $notemb"
    python3 "$FIXTURES/pdf/cli/pdfcheck.py" "out/$name.pdf" "out/$name.xml" | sed "s/^/$name: /"
done
