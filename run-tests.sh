#!/usr/bin/env bash
# Install the test tools (and Debian's Chromium) and run every test: unit, notebooks, browser.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup-venv.sh test
scripts/ensure-chromium.sh
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
