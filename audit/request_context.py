"""The client address of the request being served, for the events recorded while serving it.

Services record events without a request at hand, so the address travels beside it: Django's
``request_started`` signal (sent with the WSGI environ or the ASGI scope) notes it, and
``request_finished`` forgets it. Outside a request (a Celery task, a management command) there is
none.

It is kept per thread, not in a context variable: under ASGI, Django sends the signal from a task
of its own (``Signal.asend`` gathers the receivers), so a context variable set there would not
reach the view. A thread does: Django runs a request's synchronous code, the signal's receivers
and the view alike, on one thread of its own (asgiref's ``ThreadSensitiveContext``), and under
WSGI the whole request runs on one thread. Behind a proxy (``REST_FRAMEWORK["NUM_PROXIES"]``) the address is read from
``X-Forwarded-For`` the way DRF's throttles read it: the entry the proxy added, never one a client
picks.
"""

from __future__ import annotations

import ipaddress
import threading
from typing import Any

from django.conf import settings
from django.core.signals import request_finished, request_started

_current = threading.local()


def client_address() -> str | None:
    """The address of the client whose request is being served, or None outside a request."""
    return getattr(_current, "address", None)


def connect() -> None:
    """Follow every request's start and end (called once, from ``AuditConfig.ready``)."""
    request_started.connect(_on_request_started, dispatch_uid="audit.request_started")
    request_finished.connect(_on_request_finished, dispatch_uid="audit.request_finished")


def _on_request_started(
    sender: Any, environ: dict[str, Any] | None = None, scope: Any = None, **_: Any
) -> None:
    if environ is not None:
        remote, forwarded = environ.get("REMOTE_ADDR"), environ.get("HTTP_X_FORWARDED_FOR")
    elif scope is not None:
        client = scope.get("client") or (None, None)
        headers = dict(scope.get("headers") or [])
        remote = client[0]
        forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1") or None
    else:
        remote = forwarded = None
    _current.address = _valid_address(_pick(remote, forwarded))


def _on_request_finished(sender: Any, **_: Any) -> None:
    _current.address = None


def _pick(remote: str | None, forwarded: str | None) -> str | None:
    """The client's address as DRF's throttles see it (``SimpleRateThrottle.get_ident``)."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    if not proxies or not forwarded:
        return remote
    entries = forwarded.split(",")
    return entries[-min(proxies, len(entries))].strip()


def _valid_address(text: str | None) -> str | None:
    """``text`` if it is an IPv4 or IPv6 address (a unix socket's path or garbage is not)."""
    if not text:
        return None
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
