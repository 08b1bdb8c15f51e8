"""Reads for accounts: registration switch, a user's API tokens, the token behind a key."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from accounts.models import ApiToken, hash_key
from common.errors import NotFoundError


def registration_open() -> bool:
    """Whether anyone may create an account (``PIFLOW_OPEN_REGISTRATION``)."""
    return bool(settings.PIFLOW_OPEN_REGISTRATION)


def token_list(*, user: Any) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first. Tokens are personal: an admin sees only theirs here too."""
    return ApiToken.objects.filter(user=user)


def token_get(*, user: Any, token_id: int) -> ApiToken:
    """One of the user's tokens; someone else's, or none, is a 404."""
    token = token_list(user=user).filter(pk=token_id).first()
    if token is None:
        raise NotFoundError(f"no token with id {token_id}")
    return token


def token_for_key(key: str) -> ApiToken | None:
    """The token a presented key belongs to (with its user), or None."""
    return ApiToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
