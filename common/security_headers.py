"""Security headers on every response: Content-Security-Policy and X-Frame-Options.

Put ``common.security_headers.SecurityHeadersMiddleware`` right after Django's
``SecurityMiddleware`` (which adds ``X-Content-Type-Options: nosniff``, ``Referrer-Policy`` and
``Cross-Origin-Opener-Policy``), ahead of WhiteNoise: the files WhiteNoise serves (the built UI,
the admin's and Swagger UI's static files) never reach the middlewares below it.

The policy is ``settings.PIFLOW_CONTENT_SECURITY_POLICY``, a mapping of directive -> sources.
``connect-src`` also gets ``ws://`` and ``wss://`` of the request's host (the run monitor's
WebSocket), since not every browser counts them as ``'self'``. A response that already carries a
``Content-Security-Policy`` keeps it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse


def render_policy(policy: Mapping[str, Sequence[str]], *, host: str | None) -> str:
    """The header's value; ``host`` adds its WebSocket origins to ``connect-src``."""
    parts = []
    for directive, sources in policy.items():
        values = list(sources)
        if directive == "connect-src" and host:
            values += [f"ws://{host}", f"wss://{host}"]
        parts.append(" ".join([directive, *values]))
    return "; ".join(parts)


def _host(request: HttpRequest) -> str | None:
    try:
        return request.get_host()
    except DisallowedHost:
        return None


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and X-Frame-Options (``settings.X_FRAME_OPTIONS``) to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = getattr(settings, "PIFLOW_CONTENT_SECURITY_POLICY", {})
            if policy:
                response["Content-Security-Policy"] = render_policy(policy, host=_host(request))
        if "X-Frame-Options" not in response and not getattr(response, "xframe_options_exempt", False):
            response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()
        return response
