"""The workshop server: ``kit serve``'s Voilà command, the kernel limits, the room's warm kernels, the XSRF cookie."""

from kit import lazy_names
from kit.server._room import ALL_LESSONS, RoomPlan, kernel_memory, plan_room, room_capacity, room_need_mb, room_plan
from kit.server._serve import (START_PAGE, ServeOptions, descendants, lab_command, parse_pool, port_problem,
                               stop_leftovers, trust_lessons, voila_command, voila_environment,
                               wait_until_answering)

# The kernel manager and the identity provider import Jupyter Server and Voilà: they load
# inside the Voilà process that uses them, not in every `kit` command.
_LAZY = {
    "FULL_MESSAGE": "_limits",
    "LimitedKernelManager": "_limits",
    "START_FAILED_MESSAGE": "_limits",
    "refusal": "_limits",
    "XsrfCookieIdentityProvider": "_xsrf",
}
__getattr__ = lazy_names("kit.server", _LAZY)

__all__ = [
    "ALL_LESSONS",
    "FULL_MESSAGE",
    "LimitedKernelManager",
    "START_FAILED_MESSAGE",
    "RoomPlan",
    "START_PAGE",
    "ServeOptions",
    "XsrfCookieIdentityProvider",
    "descendants",
    "kernel_memory",
    "lab_command",
    "parse_pool",
    "plan_room",
    "port_problem",
    "refusal",
    "room_capacity",
    "room_need_mb",
    "room_plan",
    "stop_leftovers",
    "trust_lessons",
    "voila_command",
    "voila_environment",
    "wait_until_answering",
]
