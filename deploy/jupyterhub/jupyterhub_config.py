# JupyterHub configuration for the Ethical AI Leadership Kit: every attendee
# gets their own server that opens the kit's Voilà start page, their own
# workspace in their home folder, a memory limit, and is shut down when idle.
#
# Written for JupyterHub 5.3 and later (checked with 6.1). Two things are YOUR
# CHOICE and are marked "CHOOSE" below: who can log in (the authenticator) and
# how servers are started (the spawner). Make them in a file of your own that
# starts with
#     c = get_config()
#     load_subconfig("/srv/ethical-ai-kit/deploy/jupyterhub/jupyterhub_config.py")
# so updating the kit never overwrites them, and start `jupyterhub -f` on that
# file. deploy/jupyterhub/README.md gives the steps; deploy/jupyterhub/check.sh
# starts this file on 127.0.0.1 and checks it end to end.
#
# The settings at the top can be changed here or, without editing, through the
# environment variables named beside them.

import os
import sys

c = get_config()  # noqa: F821 - JupyterHub provides get_config()

# ---------------------------------------------------------------- settings ---
# Where the kit is cloned and installed (`pip install -e`) for the user servers,
# as the user servers see it. It must be readable by every user.
KIT_DIR = os.environ.get("KIT_DIR", "/srv/ethical-ai-kit")
# Where the hub keeps its database and cookie secret (back it up with the homes).
HUB_STATE = os.environ.get("KIT_HUB_STATE", "/srv/jupyterhub")
# The address the hub listens on. Put it behind HTTPS (see README) for real use.
BIND_URL = os.environ.get("KIT_HUB_URL", "http://:8000")
# Memory for one user's server and all its open pages. Size it from the README's
# performance section (memory per open page) times MAX_PAGES, plus the server.
MEM_LIMIT = os.environ.get("KIT_MEM_LIMIT", "2G")
# CPU cores one user may use at most (a float; empty for no limit).
CPU_LIMIT = os.environ.get("KIT_CPU_LIMIT", "1")
# Most lesson pages (each one a Python kernel) one user may have open at once;
# the next page gets a plain "server is full, close unused tabs" message.
MAX_PAGES = int(os.environ.get("KIT_MAX_PAGES", "4"))
# Most user servers running at once (0: no limit): machine memory / MEM_LIMIT.
MAX_USERS = int(os.environ.get("KIT_MAX_USERS", "0"))
# A user's server is stopped after this many seconds without activity. Their
# workspace stays on disk; logging in again starts a fresh server.
CULL_TIMEOUT = int(os.environ.get("KIT_CULL_TIMEOUT", "3600"))
CULL_EVERY = int(os.environ.get("KIT_CULL_EVERY", str(max(10, min(300, CULL_TIMEOUT // 4)))))
# A page nobody has used for this long has its kernel shut down (as `kit serve`).
KERNEL_IDLE = int(os.environ.get("KIT_KERNEL_IDLE", "600"))
# Rooms (the trainer's live, anonymised view of the room's answers) need ONE database
# that every attendee's server reaches: a PostgreSQL URL such as
# postgresql://kit:PASSWORD@db.example.org:5432/kit (README: "Rooms on the hub").
# Empty: each server keeps rooms in its own home, so a room cannot span attendees.
DATABASE_URL = os.environ.get("KIT_DATABASE_URL", "")
# What that database holds: "rooms" (default), or "rooms,workspaces" to keep every
# attendee's saved work there too (then back up the database, not the homes).
DATABASE_FOR = os.environ.get("KIT_DATABASE_FOR", "rooms")
# Days a room and everything shared in it are kept; older rooms are deleted when a server starts.
ROOM_DAYS = os.environ.get("KIT_ROOM_DAYS", "7")

# Each user's home gets a link named KIT_LINK to KIT_DIR, so Voilà and JupyterLab
# can reach the lessons while the home stays the user's own, writable folder.
KIT_LINK = "ethical-ai-kit"
START_PAGE = f"/voila/render/{KIT_LINK}/notebooks/00_start_here.ipynb"
# Saved work (the workspace database) lives in each user's home.
WORKSPACE = "~/ethical-ai-kit-workspace"

# --------------------------------------------------------------------- hub ---
c.JupyterHub.bind_url = BIND_URL
c.JupyterHub.db_url = f"sqlite:///{HUB_STATE}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{HUB_STATE}/jupyterhub_cookie_secret"
c.JupyterHub.active_server_limit = MAX_USERS
# A room logging in at once: start servers in parallel, but not all 200 at once.
c.JupyterHub.concurrent_spawn_limit = 20

# ------------------------------------------------ CHOOSE: who can log in ---
# Nothing is chosen here on purpose; JupyterHub's default is PAM (accounts on
# this machine) and, since JupyterHub 5, nobody may log in until you allow them.
# Switch ONE block on, here or (better) in your own file.
#
# a) Accounts on this machine (PAM). Needed by SystemdSpawner without dynamic users.
# c.JupyterHub.authenticator_class = "pam"
# c.Authenticator.allowed_users = {"asha", "ben"}
#
# b) Your organisation's sign-in (Microsoft Entra ID, Google, GitHub, any OpenID
#    Connect provider): `pip install oauthenticator`, then for example
# c.JupyterHub.authenticator_class = "azuread"
# c.AzureAdOAuthenticator.tenant_id = "..."
# c.AzureAdOAuthenticator.client_id = "..."
# c.AzureAdOAuthenticator.client_secret = "..."
# c.AzureAdOAuthenticator.oauth_callback_url = "https://hub.example.org/hub/oauth_callback"
# c.Authenticator.allow_all = True  # everyone in your organisation
#
# c) A one-day workshop with a room password (anyone with the password can log
#    in under any name and open that name's server: no protection between users).
# c.JupyterHub.authenticator_class = "shared-password"
# c.SharedPasswordAuthenticator.user_password = os.environ["KIT_ROOM_PASSWORD"]  # 8+ characters
# c.Authenticator.allow_all = True
#
# Trainers who may see and stop everyone's servers (admin page /hub/admin):
# c.Authenticator.admin_users = {"trainer"}
#
# DummyAuthenticator (any name, any password) is for deploy/jupyterhub/check.sh
# on 127.0.0.1 only: never on a network.

# -------------------------------------- CHOOSE: how servers are started ---
# c.Spawner.mem_limit and c.Spawner.cpu_limit below are ENFORCED only by spawners
# that run each server in its own container or cgroup:
#   - DockerSpawner (`pip install dockerspawner`), KubeSpawner (Zero to JupyterHub);
#   - on one big machine, SystemdSpawner (`pip install jupyterhub-systemdspawner`),
#     which starts each server as a systemd unit with MemoryMax and CPUQuota.
# JupyterHub's default LocalProcessSpawner only passes MEM_LIMIT to the server as
# information; it does not stop one user from using the whole machine.
# Switch ONE block on, here or (better) in your own file.
#
# a) One big machine, no system accounts needed: each user becomes a systemd
#    dynamic user with a persistent home in /var/lib/<name>.
# c.JupyterHub.spawner_class = "systemd"
# c.SystemdSpawner.dynamic_users = True
# c.SystemdSpawner.isolate_tmp = True
# c.SystemdSpawner.readonly_paths = [KIT_DIR]
#
# b) Docker on this machine: an image with the kit at KIT_DIR (see the README
#    for its Dockerfile) and a volume per user for the home folder.
# c.JupyterHub.spawner_class = "docker"
# c.DockerSpawner.image = "ethical-ai-kit:latest"
# c.DockerSpawner.volumes = {"kit-home-{username}": "/home/jovyan"}
# c.DockerSpawner.remove = True
# c.JupyterHub.hub_ip = "0.0.0.0"  # so containers reach the hub
#
# c) Kubernetes: use the Zero to JupyterHub chart; put the settings of this file
#    in hub.extraConfig and set singleuser.memory.limit to MEM_LIMIT.

c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = float(CPU_LIMIT) if CPU_LIMIT else None
# A busy machine can be slow to start a server; do not give up too soon.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90

# ------------------------------------------------------- each user's server ---
# Start through a small wrapper that links the kit into the home, creates the
# workspace folder, then runs jupyterhub-singleuser with singleuser_config.py
# (the kernel limits, idle-kernel culling and plain errors of `kit serve`).
c.Spawner.cmd = ["sh", f"{KIT_DIR}/deploy/jupyterhub/kit-singleuser"]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = START_PAGE
c.Spawner.environment = {
    "KIT_DIR": KIT_DIR,
    "KIT_LINK": KIT_LINK,
    "KIT_WORKSPACE": WORKSPACE,
    "KIT_MAX_KERNELS": str(MAX_PAGES),
    "KIT_KERNEL_IDLE": str(KERNEL_IDLE),
    "KIT_ROOM_DAYS": ROOM_DAYS,
    # The shared database for rooms (and, if chosen, workspaces); see the README on who can read it.
    **({"KIT_DATABASE_URL": DATABASE_URL, "KIT_DATABASE_FOR": DATABASE_FOR} if DATABASE_URL else {}),
}

# -------------------------------------------------------- idle-server culler ---
# `pip install jupyterhub-idle-culler`. It runs as a hub-managed service with only
# the permissions it needs (JupyterHub 2 and later use scopes, not admin rights).
c.JupyterHub.services = [
    {
        "name": "jupyterhub-idle-culler-service",
        "command": [
            sys.executable, "-m", "jupyterhub_idle_culler",
            f"--timeout={CULL_TIMEOUT}",
            f"--cull-every={CULL_EVERY}",
        ],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "jupyterhub-idle-culler-role",
        "scopes": [
            "list:users",           # who has a server
            "read:users:activity",  # when each user was last active
            "read:servers",         # their servers' state and activity
            "delete:servers",       # stop an idle server
        ],
        "services": ["jupyterhub-idle-culler-service"],
    },
]
