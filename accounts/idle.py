"""How long an API token may lie unused before it stops working (``PIFLOW_TOKEN_IDLE_DAYS``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from accounts.models import ApiToken


def idle_limit() -> timedelta:
    """The longest a token may go unused and still be accepted."""
    return timedelta(days=settings.PIFLOW_TOKEN_IDLE_DAYS)


def expires_at(token: ApiToken) -> datetime:
    """When the token stops working unless it is used before then."""
    return token.last_active_at + idle_limit()


def is_expired(token: ApiToken, now: datetime) -> bool:
    return now >= expires_at(token)
