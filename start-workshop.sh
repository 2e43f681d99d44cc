#!/usr/bin/env bash
# Install the kit into .venv (first time only) and open the workshop apps on http://localhost:8866
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup-venv.sh
scripts/ensure-system-packages.sh --optional pdf
exec .venv/bin/kit serve --open "$@"
