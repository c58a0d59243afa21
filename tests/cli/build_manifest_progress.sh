# imprint build --manifest FILE: each output's SHA-256, size and name,
# sorted by name, byte-identical across rebuilds and -j, verifiable with
# sha256sum; no manifest when a build fails. Progress on a terminal only:
# a line per state for several editions, nothing when stderr is no terminal,
# with -q, or for one edition.
source "$(dirname "$0")/lib/common.sh"
make_edition alpha
make_edition beta
make_edition gamma
cd "$T"

run "$IMPRINT" build -q -f tei,epub -o out --manifest manifest.txt alpha.yaml beta.yaml gamma.yaml
expect_rc 0
[ "$(wc -l <manifest.txt)" -eq 6 ] || fail "expected 6 lines: $(cat manifest.txt)"
# Sorted by name, each line: 64 hex digits, two spaces, size, two spaces, name.
names=$(awk '{ print $3 }' manifest.txt)
[ "$names" = "$(printf 'alpha.epub\nalpha.xml\nbeta.epub\nbeta.xml\ngamma.epub\ngamma.xml')" ] ||
    fail "names not sorted or wrong: $names"
grep -vqE '^[0-9a-f]{64}  [0-9]+  [^ ]+$' manifest.txt && fail "malformed line in: $(cat manifest.txt)"
while read -r sum size name; do
    [ "$size" -eq "$(stat -c %s "out/$name")" ] || fail "size of $name is not $size"
done <manifest.txt
(cd out && awk '{ print $1 "  " $3 }' ../manifest.txt | sha256sum -c --quiet) ||
    fail "sha256sum does not verify the manifest"
echo "ok: the manifest names every output with its size and SHA-256, sorted"

# Byte-identical across rebuilds, with -j, into another folder.
run "$IMPRINT" build -q -j 3 -f tei,epub -o other --manifest again.txt gamma.yaml alpha.yaml beta.yaml
expect_rc 0
cmp manifest.txt again.txt || fail "a rebuild's manifest differs"
echo "ok: a rebuild with -j 3 gives the same manifest"

# A failed build writes none and removes the old one.
cp manifest.txt failed.txt
printf 'title: Broken\narticles:\n  - source: missing.txt\n' >broken.yaml
run "$IMPRINT" build -q -f tei -o out --manifest failed.txt alpha.yaml broken.yaml
expect_rc 1
[ ! -e failed.txt ] || fail "a failed build left a manifest"
run "$IMPRINT" build -q -f tei -o out --manifest no/such/dir/m.txt alpha.yaml
expect_rc 1
expect_has "$err" "cannot write the manifest: folder 'no/such/dir' does not exist"
echo "ok: no manifest from a failed build"

# Progress: on a terminal (script gives the command one), several editions.
script -qec "'$IMPRINT' build -f tei -o tty alpha.yaml beta.yaml gamma.yaml" /dev/null >tty.log
grep -aq "imprint: 0/3 editions built, building alpha" tty.log || fail "no progress line: $(cat -v tty.log)"
grep -aq "2/3 editions built, building gamma, about" tty.log || fail "no time left: $(cat -v tty.log)"
script -qec "'$IMPRINT' build -j 2 -f tei -o tty2 alpha.yaml beta.yaml gamma.yaml" /dev/null >tty2.log
grep -aq "editions built" tty2.log || fail "no progress line with -j 2: $(cat -v tty2.log)"
echo "ok: progress on a terminal"
# The lookalikes: not a terminal, -q, one edition.
run "$IMPRINT" build -f tei -o plain alpha.yaml beta.yaml gamma.yaml
expect_rc 0
grep -q "editions built" <<<"$err" && fail "progress shown on a file: $err"
script -qec "'$IMPRINT' build -q -f tei -o tty3 alpha.yaml beta.yaml" /dev/null >tty3.log
grep -aq "editions built" tty3.log && fail "progress shown with -q: $(cat -v tty3.log)"
script -qec "'$IMPRINT' build -f tei -o tty4 alpha.yaml" /dev/null >tty4.log
grep -aq "editions built" tty4.log && fail "progress shown for one edition: $(cat -v tty4.log)"
echo "ok: no progress on a file, with -q, or for one edition"
