#!/usr/bin/env bash
# Manual check that the repository opens the Voilà start page from a Binder link,
# as far as a machine without Docker allows:
#   1. repo2docker (in a throwaway venv) plans the image from environment.yml:
#      the repository is copied in before the environment is installed, so the
#      `-e .` line installs the kit; the Python version it picks is shown.
#   2. check_binder.py serves the repository root with JupyterLab as Binder does
#      and opens urlpath=voila/render/notebooks/00_start_here.ipynb in Chromium.
# Not part of the test suite (it needs PyPI for repo2docker).
#
# Usage: deploy/check_binder.sh
# Settings (environment): PYTHON (for the venv), KIT_PYTHON (a Python with the
# kit, JupyterLab, Voilà and Playwright; default /tmp/venv0 or the kit's .venv
# after `scripts/setup-venv.sh test`), CHROMIUM.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
t0=$SECONDS
phase() { echo "[$((SECONDS - t0)) s] $*"; }
work="$(mktemp -d "${TMPDIR:-/tmp}/kit-binder-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

kit_python="${KIT_PYTHON:-}"
if [ -z "$kit_python" ]; then
  for candidate in /tmp/venv0/bin/python "$repo/.venv/bin/python"; do
    if [ -x "$candidate" ] && "$candidate" -c 'import kit, voila, jupyterlab, playwright' 2>/dev/null; then
      kit_python="$candidate"; break
    fi
  done
fi
if [ -z "$kit_python" ]; then
  echo "No Python with the kit and Playwright found: run scripts/setup-venv.sh test, or set KIT_PYTHON." >&2
  exit 1
fi

phase "installing repo2docker into $work/venv"
"${PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check jupyter-repo2docker \
  2> >(grep -v "^WARNING: Location" >&2)

phase "planning the Binder image (repo2docker --no-build)"
(cd "$work" && "$work/venv/bin/jupyter-repo2docker" --no-build --no-run --debug \
  --user-id 1000 --user-name jovyan "$repo") > "$work/plan.txt" 2>&1
copy_line="$(grep -n 'src/ ${REPO_DIR}/' "$work/plan.txt" | head -1 | cut -d: -f1)"
env_line="$(grep -n 'env update .*environment.yml' "$work/plan.txt" | head -1 | cut -d: -f1)"
if [ -z "$copy_line" ] || [ -z "$env_line" ]; then
  echo "repo2docker did not plan a conda build from environment.yml:" >&2; cat "$work/plan.txt" >&2; exit 1
fi
if [ "$copy_line" -gt "$env_line" ]; then
  echo "repo2docker installs environment.yml before copying the repository, so '-e .' would fail." >&2; exit 1
fi
echo "  ok  environment.yml is installed after the repository is copied, so '-e .' installs the kit"
grep -o "Python version [^.]*\.[^.]*\.\?[0-9]*[^.]*\." "$work/plan.txt" | head -1 | sed 's/^/  note  repo2docker: /' || true
grep -o 'CMD \[.*\]' "$work/plan.txt" | sed 's/^/  note  image start command: /'

phase "serving the repository as Binder does and opening the link's urlpath in Chromium"
"$kit_python" "$here/check_binder.py"
phase "PASSED: a Binder link with urlpath=voila/render/notebooks/00_start_here.ipynb opens the start page"
