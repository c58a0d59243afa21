#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/packages.d/*.txt that are
# missing (one name a line; '#' starts a comment). Run as root. Idempotent:
# when everything is present it changes nothing and needs no network.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

wanted=()
for list in "$here"/packages.d/*.txt; do
    [ -e "$list" ] || continue
    while IFS= read -r line || [ -n "$line" ]; do
        line=${line%%#*}
        line=$(echo "$line" | tr -d '[:space:]')
        [ -n "$line" ] && wanted+=("$line")
    done <"$list"
done
if [ ${#wanted[@]} -eq 0 ]; then
    echo "install-deps: no packages listed in $here/packages.d"
    exit 0
fi
mapfile -t wanted < <(printf '%s\n' "${wanted[@]}" | sort -u)

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#wanted[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: error: installing packages needs root (run as root or with sudo)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: done"
