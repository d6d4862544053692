#!/usr/bin/env bash
# Installs the system packages that planwright's tests need and npm cannot bring: Debian's chromium drives
# the board's browser tests (playwright-core never downloads a browser); Debian's redis-server is the real
# Redis of the workers' tests (each test starts its own on a free port and ends it by pid). One package per
# line of the list, each with the command that proves it is there.
set -euo pipefail

# "<debian package> <command it provides>"
PACKAGES=(
  "chromium chromium"
  "redis-server redis-server"
)

missing=()
for entry in "${PACKAGES[@]}"; do
  read -r package command <<<"$entry"
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "setup-system: missing system packages: ${missing[*]}; install them as root (apt-get install ${missing[*]}) or rerun this script with sudo" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: missing system packages: ${missing[*]}; this machine has no apt-get, install them with its package manager" >&2
  exit 1
fi

echo "setup-system: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
