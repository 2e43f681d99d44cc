"""The workshop server: ``kit serve``'s Voilà command, the kernel limits and the XSRF cookie."""

from kit.server._limits import FULL_MESSAGE, LimitedKernelManager, START_FAILED_MESSAGE, refusal
from kit.server._serve import (START_PAGE, ServeOptions, lab_command, parse_pool, port_problem,
                               trust_lessons, voila_command, wait_until_answering)
from kit.server._xsrf import XsrfCookieIdentityProvider

__all__ = [
    "FULL_MESSAGE",
    "LimitedKernelManager",
    "START_FAILED_MESSAGE",
    "START_PAGE",
    "ServeOptions",
    "XsrfCookieIdentityProvider",
    "lab_command",
    "parse_pool",
    "port_problem",
    "refusal",
    "trust_lessons",
    "voila_command",
    "wait_until_answering",
]
