#!/usr/bin/env bash
# Install the test tools (and Debian's Chromium, Pango and PostgreSQL) and run every test: unit, notebooks, browser.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup-venv.sh test
scripts/ensure-system-packages.sh pdf browser postgres
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
