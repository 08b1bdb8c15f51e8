"""Rate limits on logging in, registering and changing a password: per account and per client address.

DRF throttles keep their history in Django's cache (Redis when ``REDIS_URL`` is set, shared by
every server process; else each process counts on its own). Rates are read from the settings on
each request: ``PIFLOW_LOGIN_RATE`` (per account) and ``PIFLOW_LOGIN_RATE_PER_ADDRESS``.
The client address is ``REMOTE_ADDR``, or the proxy's ``X-Forwarded-For`` entry when
``DJANGO_BEHIND_PROXY=1`` (REST_FRAMEWORK's ``NUM_PROXIES``), so a caller cannot pick their own.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle


class _SettingRateThrottle(SimpleRateThrottle):
    """A throttle whose rate (``"10/min"``) is the Django setting named by ``rate_setting``."""

    rate_setting = "PIFLOW_LOGIN_RATE"

    def get_rate(self) -> str:
        return str(getattr(settings, self.rate_setting))

    def key_for(self, ident: str) -> str:
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


def _posted_username(request: Request) -> str:
    data = request.data
    username = data.get("username") if isinstance(data, Mapping) else None
    return username.strip().casefold() if isinstance(username, str) else ""


class LoginAccountThrottle(_SettingRateThrottle):
    """Login attempts for one username, whoever makes them."""

    scope = "login_account"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        username = _posted_username(request)
        return self.key_for(username) if username else None


class PasswordChangeThrottle(_SettingRateThrottle):
    """Password changes (each checks the current password) by one user."""

    scope = "password_account"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.key_for(str(request.user.pk)) if request.user.is_authenticated else None


class _AddressThrottle(_SettingRateThrottle):
    rate_setting = "PIFLOW_LOGIN_RATE_PER_ADDRESS"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.key_for(self.get_ident(request) or "")


class LoginAddressThrottle(_AddressThrottle):
    """Login attempts from one client address, for any username."""

    scope = "login_address"


class RegisterAddressThrottle(_AddressThrottle):
    """Registrations from one client address."""

    scope = "register_address"


class AnswersThrottledClearly:
    """A view mixin: a throttled request gets 429 ``{"error": ..., "wait": <seconds>}`` and ``Retry-After``."""

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, exceptions.Throttled):
            seconds = max(1, math.ceil(exc.wait or 1))
            message = _("too many attempts: try again in %(seconds)d seconds") % {"seconds": seconds}
            return Response(
                {"error": message, "wait": seconds},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(seconds)},
            )
        return super().handle_exception(exc)  # type: ignore[misc]
