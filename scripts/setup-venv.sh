#!/usr/bin/env bash
# Create .venv (once) and install the kit into it; reinstall only when pyproject.toml changes.
# Usage: scripts/setup-venv.sh [EXTRA]    e.g. scripts/setup-venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
python="${PYTHON:-python3}"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "Python 3.11 or newer is needed and '$python' was not found. On Debian: sudo apt-get install -y python3 python3-venv" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Python 3.11 or newer is needed; '$python' is $("$python" --version 2>&1). Set PYTHON=python3.11 (or newer) and run again." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    echo "Could not create a virtual environment: Python's venv module is missing. On Debian: sudo apt-get install -y python3-venv" >&2
    exit 1
  fi
fi

stamp=".venv/.kit-installed${extra:+-$extra}"
want="$(cat pyproject.toml | sha256sum | cut -c1-16)"
# The test install includes everything the plain one has.
if [ -z "$extra" ] && [ "$(cat .venv/.kit-installed-test 2>/dev/null)" = "$want" ]; then
  exit 0
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Installing the kit${extra:+ and its $extra tools} into .venv (about a minute the first time)..."
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra:+[$extra]}"
  echo "$want" > "$stamp"
fi
