# Jupyter Server settings for each user's server on the hub, loaded by the
# kit-singleuser wrapper (--config). They match what `kit serve` gives Voilà;
# the numbers come from the hub configuration through the environment.

import os
import sys

import zmq

from kit.server import trust_lessons

c = get_config()  # noqa: F821 - Jupyter provides get_config()

# Refuse a new page politely past KIT_MAX_KERNELS open pages, or when the machine
# has less than KIT_RESERVE_MB of memory free (see kit/server/_limits.py).
c.ServerApp.kernel_manager_class = "kit.server._limits.LimitedKernelManager"

# Shut down the kernel of a page nobody has used for KIT_KERNEL_IDLE seconds.
idle = int(os.environ.get("KIT_KERNEL_IDLE", "600"))
c.MappingKernelManager.cull_idle_timeout = idle
c.MappingKernelManager.cull_interval = max(10, min(60, idle // 2))
c.MappingKernelManager.cull_connected = False

# Attendees see plain messages, not Python tracebacks.
c.VoilaConfiguration.show_tracebacks = False
c.MappingKernelManager.allow_tracebacks = False

# The lessons use no mathematics: like `kit serve`, load no MathJax, so no page
# asks a third-party CDN for it (and none fails in a room without internet).
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}

# Encrypt the traffic between the server and its kernels where pyzmq can (as
# `kit serve` does); kernels then no longer warn that they run "over TCP without encryption".
if zmq.has("curve"):
    c.KernelManager.transport_encryption = "auto"

# The lessons are the kit's own: trust them (in the user's Jupyter data folder), so
# the log does not warn "Notebook ... is not trusted" on every page.
trust_lessons()

# Rooms older than KIT_ROOM_DAYS (7) are deleted when a server starts, as `kit serve`
# does: in the shared database of KIT_DATABASE_URL, or in this user's home. A problem
# with the database is logged here (and said plainly on the pages that use rooms);
# it never stops the attendee's server from starting.
try:
    from kit.room import room_store

    room_store().expire()
except Exception as problem:  # noqa: BLE001 - the attendee's server starts whatever happens here
    print(f"kit: old rooms were not deleted: {problem}", file=sys.stderr)
