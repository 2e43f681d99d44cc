"""The workshop server: ``kit serve``'s Voilà command, the kernel limits and the XSRF cookie."""

from kit import lazy_names
from kit.server._serve import (START_PAGE, ServeOptions, descendants, lab_command, parse_pool, port_problem,
                               stop_leftovers, trust_lessons, voila_command, wait_until_answering)

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
    "FULL_MESSAGE",
    "LimitedKernelManager",
    "START_FAILED_MESSAGE",
    "START_PAGE",
    "ServeOptions",
    "XsrfCookieIdentityProvider",
    "descendants",
    "lab_command",
    "parse_pool",
    "port_problem",
    "refusal",
    "stop_leftovers",
    "trust_lessons",
    "voila_command",
    "wait_until_answering",
]
