#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests, or say exactly what to run.
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
install="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests (about 20 s)..."
  bash -c "$install" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing Debian's Chromium for the browser tests (about 20 s)..."
  sudo -n bash -c "$install" >/dev/null
else
  echo "The browser tests need Debian's Chromium, which is not installed. Run: sudo apt-get install -y chromium   then run this command again." >&2
  exit 1
fi
