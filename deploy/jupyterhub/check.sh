#!/usr/bin/env bash
# Manual end-to-end check of deploy/jupyterhub/jupyterhub_config.py on this machine.
#
# In a throwaway folder under $TMPDIR (default /tmp) it creates a venv, installs
# JupyterHub, the idle culler, the spawners and authenticators the configuration
# offers, and this kit; loads the configuration with each choice switched on
# (check_choices.py); installs configurable-http-proxy from npm; and starts the
# hub on 127.0.0.1 with check_config.py (a room password instead of the real
# authenticator, servers as the current user). Then, in
# Debian's Chromium, it logs in as a test user, waits for the user's server,
# checks that the Voilà start page renders with its widgets, that work is saved
# in the user's own workspace, that a lesson opens, that a page past the
# per-user limit is refused, and that the idle culler stops the server once
# the browser is closed. Everything is stopped afterwards; the exit status is
# non-zero on any failure. Not part of the test suite: it needs the network
# for pip and npm and takes several minutes.
#
# With LOAD_USERS=N it instead runs the load test on the hub (bench/load_test.py
# --hub): N users' servers started at once, then each opens a lesson and makes
# its main change; the hub keeps its real limits and culler settings then.
#
# Usage: deploy/jupyterhub/check.sh, or LOAD_USERS=20 deploy/jupyterhub/check.sh
# Settings (environment): PYTHON (for the venv, 3.11+), PLAYWRIGHT_PYTHON (a
# Python with Playwright and axe-playwright-python, e.g. the kit's .venv after
# `scripts/setup-venv.sh test`; installed into the throwaway venv when unset and
# none is found), CHROMIUM, KEEP=1 to keep the folder.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
t0=$SECONDS
phase() { echo "[$((SECONDS - t0)) s] $*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kit-hub-check.XXXXXX")"
hub_pid=""
stop_all() {
  local status=$?
  set +e
  if [ -n "$hub_pid" ] && kill -0 "$hub_pid" 2>/dev/null; then
    phase "stopping the hub"
    kill -TERM "$hub_pid"  # the hub stops the user servers, the proxy and the culler
    for _ in $(seq 60); do kill -0 "$hub_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$hub_pid" 2>/dev/null
  fi
  # Anything the hub could not stop: processes recorded by this check, and any
  # other that runs from this check's own folder (user servers, the proxy, the
  # culler), which nothing else on the machine can be.
  for pid in $(cat "$work/pids" 2>/dev/null) $(pgrep -f "$work/" 2>/dev/null); do
    if { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -qF "$work"; then
      echo "stopping leftover process $pid"; kill -TERM "$pid"
    fi
  done
  sleep 2
  pkill -KILL -f "$work/" 2>/dev/null
  if [ "$status" -ne 0 ]; then
    echo "FAILED after $((SECONDS - t0)) s. Hub log (last 40 lines):" >&2
    tail -n 40 "$work/hub.log" >&2 2>/dev/null
  fi
  if [ "${KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "Kept $work for inspection (hub.log is there)." >&2
  else
    rm -rf "$work"
  fi
  phase "done"
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed; set PYTHON=python3.11 (or newer)." >&2; exit 1
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "$tool is needed for configurable-http-proxy: sudo apt-get install -y nodejs npm" >&2; exit 1; }
done

phase "installing JupyterHub, the idle culler, the spawners and authenticators to choose from, and the kit into $work/venv"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  jupyterhub jupyterhub-idle-culler jupyterhub-systemdspawner dockerspawner oauthenticator \
  -e "$repo" 2> >(grep -v "^WARNING: Location" >&2)

phase "loading the configuration with each CHOOSE block switched on"
"$work/venv/bin/python" "$here/check_choices.py"

phase "installing configurable-http-proxy from npm"
npm install --silent --no-audit --no-fund --prefix "$work/npm" configurable-http-proxy >/dev/null

check_python="${PLAYWRIGHT_PYTHON:-}"
if [ -z "$check_python" ]; then
  for candidate in /tmp/venv0/bin/python "$repo/.venv/bin/python"; do
    if [ -x "$candidate" ] && "$candidate" -c 'import playwright, axe_playwright_python, psutil' 2>/dev/null; then
      check_python="$candidate"; break
    fi
  done
fi
if [ -z "$check_python" ]; then
  phase "installing Playwright into the throwaway venv (the browser is Debian's Chromium)"
  "$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$repo[test]" \
    2> >(grep -v "^WARNING: Location" >&2)
  check_python="$work/venv/bin/python"
fi

free_port() { "$work/venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export CHECK_HUB_PORT="$(free_port)" CHECK_HUB_API_PORT="$(free_port)" CHECK_PROXY_API_PORT="$(free_port)"
export CHECK_PASSWORD="$("$work/venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(12))')"
export CHECK_TOKEN="$("$work/venv/bin/python" -c 'import secrets; print(secrets.token_hex(32))')"
export CHECK_HOMES="$work/homes"
export KIT_DIR="$repo" KIT_HUB_STATE="$work/state"
if [ -z "${LOAD_USERS:-}" ]; then  # small limits and a quick culler, to see them work within the check
  export KIT_MAX_PAGES=2 KIT_CULL_TIMEOUT=60 KIT_CULL_EVERY=10 KIT_MEM_LIMIT=2G
fi
mkdir -p "$CHECK_HOMES" "$KIT_HUB_STATE"
hub="http://127.0.0.1:$CHECK_HUB_PORT"
answers() { "$work/venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1" 2>/dev/null; }

phase "starting the hub on $hub"
(
  cd "$KIT_HUB_STATE"
  export PATH="$work/venv/bin:$work/npm/node_modules/.bin:$PATH"
  exec jupyterhub -f "$here/check_config.py"
) > "$work/hub.log" 2>&1 &
hub_pid=$!
for _ in $(seq 120); do
  if answers "$hub/hub/api"; then break; fi
  kill -0 "$hub_pid" 2>/dev/null || { echo "The hub exited while starting." >&2; exit 1; }
  sleep 0.5
done
answers "$hub/hub/api" || { echo "The hub did not answer on $hub within 60 s." >&2; exit 1; }

if [ -n "${LOAD_USERS:-}" ]; then
  phase "load test: $LOAD_USERS users"
  (cd "$repo/bench" && "$check_python" load_test.py --hub "$hub" --hub-token "$CHECK_TOKEN" --hub-pid "$hub_pid" \
    --attendees "$LOAD_USERS" --runs 1 --details)
  if grep -E "Traceback|\[E " "$work/hub.log" >&2; then
    echo "The hub logged errors (above)." >&2; exit 1
  fi
  phase "PASSED: the load test ran on the hub"
  exit 0
fi

phase "checking in Chromium"
"$check_python" "$here/check_browser.py" --hub "$hub" --user attendee1 --password "$CHECK_PASSWORD" \
  --token "$CHECK_TOKEN" --homes "$CHECK_HOMES" --repo "$repo" --pids-file "$work/pids" \
  --mem-limit "$((2 * 1024 * 1024 * 1024))" --max-pages "$KIT_MAX_PAGES" \
  --cull-timeout "$KIT_CULL_TIMEOUT" --cull-every "$KIT_CULL_EVERY"

# The one error expected: the page refused on purpose past KIT_MAX_PAGES.
if grep -E "Traceback|\[E " "$work/hub.log" | grep -vF "503 GET /user/attendee1/voila/render/" >&2; then
  echo "The hub logged errors (above)." >&2; exit 1
fi
phase "PASSED: JupyterHub serves the kit with Voilà, per-user workspaces, limits and idle culling"
