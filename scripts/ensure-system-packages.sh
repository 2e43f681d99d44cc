#!/usr/bin/env bash
# Make sure the Debian packages a part of the kit needs are installed, or say exactly what to run.
# Usage: scripts/ensure-system-packages.sh [--optional] pdf|browser|postgres ...
#   pdf      Pango and a font, for the PDF handouts and certificates (WeasyPrint)
#   browser  Debian's Chromium, for the browser tests
#   postgres Debian's PostgreSQL server, which the tests start (throw-away) to check the shared-database store
# With --optional a package that cannot be installed is reported and the script still succeeds
# (the workshop runs; only PDF downloads say what is missing).
set -euo pipefail
optional=0
wanted=()
for part in "$@"; do
  case "$part" in
    --optional) optional=1 ;;
    pdf) wanted+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core) ;;
    browser) wanted+=(chromium) ;;
    postgres) wanted+=(postgresql) ;;
    *) echo "ensure-system-packages: unknown part '$part' (use pdf, browser or postgres)" >&2; exit 2 ;;
  esac
done
missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
install="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  runner=""
elif [ "$(id -u)" = 0 ]; then
  runner="bash -c"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner="sudo -n bash -c"
else
  runner=""
fi
if [ -n "$runner" ]; then
  echo "Installing Debian packages: ${missing[*]} (under a minute)..."
  if $runner "$install" >/dev/null; then
    exit 0
  fi
fi
message="These Debian packages are needed and could not be installed from here: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}   then run this command again."
if [ "$optional" = 1 ]; then
  echo "Note: $message (The workshop runs without them; PDF handouts and certificates will say what is missing.)" >&2
  exit 0
fi
echo "$message" >&2
exit 1
