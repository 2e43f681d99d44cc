# Local-check overrides for jupyterhub_config.py, used only by check.sh.
# Everything listens on 127.0.0.1; users are throwaway folders under the check's
# temporary directory; a shared password stands in for the real authenticator.
# Never use this file on a network.

import os
from pathlib import Path

c = get_config()  # noqa: F821 - JupyterHub provides get_config()
load_subconfig(str(Path(__file__).with_name("jupyterhub_config.py")))  # noqa: F821

env = os.environ

c.JupyterHub.bind_url = f"http://127.0.0.1:{env['CHECK_HUB_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{env['CHECK_HUB_API_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['CHECK_PROXY_API_PORT']}"
c.Spawner.ip = "127.0.0.1"

# DummyAuthenticator's password is deprecated since JupyterHub 5.3; its
# replacement, SharedPasswordAuthenticator, is also README choice (c).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env["CHECK_PASSWORD"]
c.Authenticator.allow_all = True

# Servers run as the current user; each user's home is a folder of the check.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = env["CHECK_HOMES"] + "/{username}"
if os.geteuid() == 0:
    c.Spawner.args = ["--allow-root"]  # Jupyter refuses to run as root otherwise

# Report activity every few seconds, so the culler can be seen working within
# the check (the real configuration keeps JupyterHub's 5-minute defaults).
c.JupyterHub.last_activity_interval = 5
c.Spawner.environment = {**c.Spawner.environment, "JUPYTERHUB_ACTIVITY_INTERVAL": "5"}

# A token for check_browser.py: read the users, their servers and the services;
# with LOAD_USERS, also for bench/load_test.py --hub: create users, give each a
# token, start and stop their servers (bench/hub_room.py).
load_scopes = ["admin:users", "servers", "tokens", "access:servers"] if env.get("LOAD_USERS") else []
c.JupyterHub.services = [*c.JupyterHub.services, {"name": "kit-check", "api_token": env["CHECK_TOKEN"]}]
c.JupyterHub.load_roles = [
    *c.JupyterHub.load_roles,
    {
        "name": "kit-check-role",
        "scopes": ["list:users", "read:users", "read:servers", "admin:server_state",
                   "list:services", "read:services", *load_scopes],
        "services": ["kit-check"],
    },
]
