#!/usr/bin/env bash
# Re-execute notebooks in place so their committed outputs are current (nbval checks them).
# Usage: scripts/run-notebooks.sh [NOTEBOOK ...]   (default: every lesson and solution)
set -euo pipefail
cd "$(dirname "$0")/.."
py="${PYTHON_BIN:-.venv/bin/python}"
export KIT_WORKSPACE="$(mktemp -d)"   # never write into a real attendee's workspace
trap 'rm -rf "$KIT_WORKSPACE"' EXIT
if [ "$#" -eq 0 ]; then set -- notebooks/*.ipynb solutions/*.ipynb; fi
for nb in "$@"; do
  [ -e "$nb" ] || continue
  echo "executing $nb"
  "$py" -m jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.record_timing=False --log-level=WARN "$nb"
  "$py" scripts/drop-widget-code.py "$nb"
done
"$py" -m kit exercises
