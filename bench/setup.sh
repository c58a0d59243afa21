#!/usr/bin/env bash
# Installs the tools bench/run.sh compares imprint with (bench/packages.txt),
# then builds imprint as Release (scripts/setup.sh). Run as root; safe to run
# again: with everything present it changes nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mapfile -t wanted < <(sed 's/#.*//; /^[[:space:]]*$/d' "$here/packages.txt")
missing=()
for pkg in "${wanted[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" = "install ok installed" ] ||
        missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "bench/setup.sh: installing ${missing[*]} needs root" >&2; exit 1; }
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
fi
"$here/../scripts/setup.sh"
