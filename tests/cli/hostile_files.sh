# Files that are not what an edition expects (issue 11): a named pipe, a
# device, a folder or a symbolic link loop as a source or an edition is an
# error, never a hang nor an endless read; images and covers from outside
# the edition's folder are refused unless `allow-outside-files: true`.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
mkdir -p ed/sources outside
cp "$FIXTURES/epub/figure.png" outside/secret.png
cp "$FIXTURES/epub/figure.png" ed/sources/inside.png

# edition FILE SOURCE [EXTRA YAML]
edition() {
    cat >"$1" <<YAML
title: Hostile files
date: 2026-11-22
${3:-}
articles:
  - source: $2
YAML
}

# refused NAME MESSAGE CMD...: CMD fails with status 1 within 20 seconds,
# says MESSAGE (on stderr, or stdout for lint), and writes nothing into
# out-NAME.
refused() {
    local name=$1 message=$2
    shift 2
    run timeout 20 "$@"
    [ "$rc" -ne 124 ] || fail "$name: still running after 20 s"
    expect_rc 1 "$name"
    expect_has "$out$err" "$message"
    expect_no_outputs "out-$name"
    echo "ok: $name: $(grep -F -- "$message" <<<"$out$err" | head -n1)"
}

# A named pipe with no writer: opening it to read would wait forever.
mkfifo ed/sources/pipe.txt pipe.yaml
edition ed/pipe-source.yaml sources/pipe.txt
refused pipe-source "sources/pipe.txt: error: cannot read: is a named pipe (FIFO), not a file" \
    "$IMPRINT" build -f tei -o out-pipe-source ed/pipe-source.yaml
refused pipe-inspect "cannot read: is a named pipe (FIFO)" "$IMPRINT" inspect ed/sources/pipe.txt
refused pipe-edition "pipe.yaml: error: cannot read edition: is a named pipe (FIFO), not a file" \
    "$IMPRINT" build -f tei -o out-pipe-edition pipe.yaml

# A device that never ends: the size limits hold for every kind of file.
edition ed/zero.yaml /dev/zero
refused zero-source "/dev/zero: error: cannot read: is a device, not a file" \
    "$IMPRINT" build -f tei -o out-zero-source ed/zero.yaml
ln -s /dev/zero zero.yaml
refused zero-edition "zero.yaml: error: cannot read edition: is a device, not a file" \
    "$IMPRINT" build -f tei -o out-zero-edition zero.yaml
refused zero-lint "is a device, not a file" "$IMPRINT" lint zero.yaml

# A folder, as a source and as an edition.
mkdir ed/sources/folder.txt folder.yaml
edition ed/folder.yaml sources/folder.txt
refused folder-source "sources/folder.txt: error: cannot read: is a folder, not a file" \
    "$IMPRINT" build -f tei -o out-folder-source ed/folder.yaml
refused folder-edition "folder.yaml: error: cannot read edition: is a folder, not a file" \
    "$IMPRINT" build -f tei -o out-folder-edition folder.yaml

# A symbolic link loop is named as one, not as a missing file.
ln -s loop-b.txt ed/sources/loop-a.txt
ln -s loop-a.txt ed/sources/loop-b.txt
edition ed/loop.yaml sources/loop-a.txt
refused loop-source "ed/loop.yaml:5:13: error: cannot read source 'sources/loop-a.txt'" \
    "$IMPRINT" build -f tei -o out-loop-source ed/loop.yaml
expect_has "$err" "Too many levels of symbolic links"
expect_lacks "$err" "not found"

# Figures: a Markdown image and a bare image line (text) that climb out of
# the edition's folder are placeholders with a warning; the EPUB holds no
# image. Inside the edition's folder they are embedded.
printf '# Pictures\n\n![secret](../../outside/secret.png)\n\n![own](inside.png)\n' \
    >ed/sources/pictures.md
edition ed/pictures.yaml sources/pictures.md
run "$IMPRINT" build -f epub -o out ed/pictures.yaml
expect_rc 0 "pictures"
expect_has "$err" "outside/secret.png is outside the edition's folder and the source's: a placeholder stands for it"
entries=$(unzip -l out/pictures.epub)
expect_has "$entries" "images/figure1.png"
expect_lacks "$entries" "images/figure2.png"
printf 'Pictures\n\nA line of text for the article.\n\n../../outside/secret.png\n\nMore text.\n' \
    >ed/sources/bare.txt
edition ed/bare.yaml sources/bare.txt
run "$IMPRINT" build -f epub -o out ed/bare.yaml
expect_rc 0 "bare image line"
expect_has "$err" "is outside the edition's folder and the source's"
expect_lacks "$(unzip -l out/bare.epub)" "images/figure"
# A link inside the folder that leads out of it is outside too.
ln -s ../../outside/secret.png ed/sources/link.png
printf '# Link\n\n![link](link.png)\n' >ed/sources/link.md
edition ed/link.yaml sources/link.md
run "$IMPRINT" build -f epub -o out ed/link.yaml
expect_rc 0 "linked image"
expect_has "$err" "link.png is outside the edition's folder"
expect_lacks "$(unzip -l out/link.epub)" "images/figure"
# The edition allows it: the image is embedded, without a warning.
edition ed/allowed.yaml sources/pictures.md "allow-outside-files: true"
run "$IMPRINT" build -f epub -o out ed/allowed.yaml
expect_rc 0 "allowed"
expect_lacks "$err" "outside"
expect_has "$(unzip -l out/allowed.epub)" "images/figure2.png"

# The cover: refused at its line unless allowed.
edition ed/cover.yaml sources/pictures.md "cover: ../outside/secret.png"
refused cover "ed/cover.yaml:3:8: error: cover image 'ed/../outside/secret.png' is outside the edition's folder" \
    "$IMPRINT" build -f epub -o out-cover ed/cover.yaml
edition ed/cover-ok.yaml sources/pictures.md "cover: ../outside/secret.png
allow-outside-files: true"
run "$IMPRINT" build -f epub -o out ed/cover-ok.yaml
expect_rc 0 "allowed cover"
cmp -s <(unzip -p out/cover-ok.epub OEBPS/images/cover.png) outside/secret.png ||
    fail "the allowed cover is not the image given"

# The key is checked as every key is: a typo, a value that is no boolean.
edition ed/typo.yaml sources/pictures.md "allow-outside-file: true"
refused typo "ed/typo.yaml:3:1: error: unknown key 'allow-outside-file' (did you mean 'allow-outside-files'?)" \
    "$IMPRINT" build -f epub -o out-typo ed/typo.yaml
edition ed/notbool.yaml sources/pictures.md "allow-outside-files: sometimes"
refused notbool "ed/notbool.yaml:3:22: error: 'allow-outside-files' must be true or false, not 'sometimes'" \
    "$IMPRINT" build -f epub -o out-notbool ed/notbool.yaml
echo "hostile files: all ok"
