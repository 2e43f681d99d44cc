"""Let a closed or reloaded page free its kernel, with XSRF protection on.

When a page is closed or reloaded, Voilà's page asks the server to shut its
kernel down (a beacon to ``voila/api/shutdown/<kernel>``) and sends the
``_xsrf`` cookie as the request's XSRF token. Voilà never sets that cookie, so
the server refused every such request (403, "'_xsrf' argument missing") and
closed pages kept their kernels until the idle culler. ``kit serve`` therefore
uses :class:`XsrfCookieIdentityProvider`, which sets the cookie when a page is
served. Checking is unchanged: a request without the token, or with one that
does not match the cookie, is still refused.
"""

from __future__ import annotations

from inspect import isawaitable

from jupyter_server.auth.identity import PasswordIdentityProvider
from voila.handler import VoilaHandler


class XsrfCookieIdentityProvider(PasswordIdentityProvider):
    """Voilà's default identity provider, which also gives each page it serves the ``_xsrf`` cookie."""

    async def get_user(self, handler):
        user = super().get_user(handler)
        if isawaitable(user):
            user = await user
        if user is not None and isinstance(handler, VoilaHandler) and handler.request.method == "GET":
            # Reading the token makes Tornado set the cookie when the browser has
            # none; this runs before the page's first byte is sent. Tornado reads the
            # user to choose the cookie's lifetime: the value the server sets next anyway.
            handler.current_user = user
            handler.xsrf_token  # noqa: B018
        return user
