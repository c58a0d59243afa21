#!/usr/bin/env bash
# Compares `imprint inspect --as outline` of each corpus text with the
# outline annotated by hand in tests/golden/NAME.outline (see
# tests/golden/README.md for how those were made).
#
# Both sides are folded before comparing, so that typography the tool is
# entitled to change does not count as a difference: NFC; no-break spaces
# and runs of whitespace become one space; ‘ ’ ´ ' become '; “ ” " become ";
# trailing spaces are stripped. Anything else that differs (an article
# missed or split, a heading missing or extra, a wrong level, a wrong source
# line, a wrong note count) fails the test with a unified diff.
#
# Env (set by ctest): IMPRINT = the binary, SOURCE_DIR = the repository.
set -u

: "${IMPRINT:?IMPRINT must name the imprint binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the repository root}"

golden_dir="$SOURCE_DIR/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fold() {
  python3 -c '
import re, sys, unicodedata
text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
text = unicodedata.normalize("NFC", text)
out = []
for line in text.split("\n"):
    line = re.sub("[\u2018\u2019\u00b4]", "\x27", line)
    line = re.sub("[\u201c\u201d]", "\"", line)
    line = re.sub(r"[\s\u00a0]+", " ", line).rstrip()
    out.append(line)
while out and out[-1] == "":
    out.pop()
sys.stdout.write("\n".join(out) + "\n")
'
}

# A golden line is "# PATH", "N: article [K notes] TITLE" or
# "N:   heading L: TEXT"; a malformed golden must not pass silently.
check_golden() {
  python3 - "$1" <<'PY'
import re, sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
bad = 0
if not lines or not lines[0].startswith("# "):
    print(f"{path}:1: first line must be '# SOURCE'"); bad += 1
pat = re.compile(r"^[1-9][0-9]*: (article \[[0-9]+ notes?\] .+|  heading [1-6]: .+)$")
last = 0
for i, l in enumerate(lines[1:], start=2):
    if not pat.match(l):
        print(f"{path}:{i}: malformed outline line: {l!r}"); bad += 1
        continue
    n = int(l.split(":", 1)[0])
    if n <= last:
        print(f"{path}:{i}: source line {n} is not after {last}"); bad += 1
    last = n
sys.exit(1 if bad else 0)
PY
}

shopt -s nullglob
goldens=("$golden_dir"/*.outline)
if [ ${#goldens[@]} -eq 0 ]; then
  echo "no golden outlines in $golden_dir" >&2
  exit 1
fi

status=0
for golden in "${goldens[@]}"; do
  name=$(basename "$golden" .outline)
  if ! check_golden "$golden"; then
    status=1
    continue
  fi
  source=$(head -n 1 "$golden" | sed 's/^# //')
  if [ ! -f "$SOURCE_DIR/$source" ]; then
    echo "$name: source $source named in $golden does not exist" >&2
    status=1
    continue
  fi
  if ! (cd "$SOURCE_DIR" && "$IMPRINT" inspect --as outline "$source") \
      >"$tmp/$name.out" 2>"$tmp/$name.err"; then
    echo "$name: imprint inspect --as outline $source failed:" >&2
    cat "$tmp/$name.err" >&2
    status=1
    continue
  fi
  fold <"$golden" >"$tmp/$name.expected"
  fold <"$tmp/$name.out" >"$tmp/$name.actual"
  # Known misses (tests/golden/NAME.misses): golden lines the reader is known
  # not to produce, each with its reason in a comment. They are taken out of
  # the expectation; a listed miss that the tool now gets right fails the
  # test too, so the list cannot go stale.
  misses="$golden_dir/$name.misses"
  if [ -f "$misses" ]; then
    grep -v '^#' "$misses" | grep -v '^$' | fold >"$tmp/$name.misses" || true
    while IFS= read -r miss; do
      if ! grep -qxF -- "$miss" "$tmp/$name.expected"; then
        echo "$name: known miss is not in the golden: $miss" >&2
        status=1
      elif grep -qxF -- "$miss" "$tmp/$name.actual"; then
        echo "$name: known miss is now produced, drop it from $misses: $miss" >&2
        status=1
      fi
    done <"$tmp/$name.misses"
    grep -vxF -f "$tmp/$name.misses" "$tmp/$name.expected" >"$tmp/$name.kept" || true
    mv "$tmp/$name.kept" "$tmp/$name.expected"
  fi
  if diff -u --label "golden/$name.outline" --label "imprint inspect --as outline $source" \
      "$tmp/$name.expected" "$tmp/$name.actual"; then
    echo "$name: outline matches the golden annotation"
  else
    status=1
  fi
done
exit $status
