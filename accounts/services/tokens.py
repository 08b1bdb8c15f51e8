"""Writes for API tokens: making one (its key shown once), noting its use, revoking."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.idle import idle_limit
from accounts.models import PREFIX_LENGTH, ApiToken, hash_key
from accounts.selectors import token_get
from common.errors import ApplicationError
from common.storable import refuse_nul

#: Where a browser session remembers the token its login made, so that logging out revokes it.
LOGIN_TOKEN_SESSION_KEY = "accounts.login_token_id"
NAME_MAX_LENGTH = ApiToken._meta.get_field("name").max_length or 100
#: A user may hold this many named tokens; the ones logins make do not count against it.
MAX_NAMED_TOKENS = 50
#: ``last_used_at`` is written at most this often per token, not on every request.
TOUCH_EVERY = timedelta(minutes=1)


def _new_key() -> str:
    return secrets.token_urlsafe(32)


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ApplicationError(
            "name: give the token a name", extra={"fields": {"name": ["give the token a name"]}}
        )
    refuse_nul(name, what="the token's name")
    if len(name) > NAME_MAX_LENGTH:
        message = f"at most {NAME_MAX_LENGTH} characters, not {len(name)}"
        raise ApplicationError(f"name: {message}", extra={"fields": {"name": [message]}})
    return name


def _create(*, user: Any, name: str, from_login: bool = False) -> tuple[ApiToken, str]:
    key = _new_key()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=hash_key(key),
        prefix=key[:PREFIX_LENGTH],
        created_at=timezone.now(),
        from_login=from_login,
    )
    return token, key


@transaction.atomic
def token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new named token of the user's and its key: the only time the key is ever available."""
    name = _clean_name(name)
    named = ApiToken.objects.filter(user=user, from_login=False).count()
    if named >= MAX_NAMED_TOKENS:
        raise ApplicationError(f"you already have {named} tokens: revoke some you no longer use first")
    return _create(user=user, name=name)


def login_token_create(*, user: Any, user_agent: str) -> tuple[ApiToken, str]:
    """The token a login hands out, named after the client that logged in."""
    agent = " ".join("".join(ch for ch in (user_agent or "") if ch.isprintable()).split())
    name = f"login: {agent}" if agent else "login"
    return _create(user=user, name=name[:NAME_MAX_LENGTH], from_login=True)


def token_revoke(*, user: Any, token_id: int) -> None:
    """Delete one of the user's tokens; someone else's is a 404."""
    token_get(user=user, token_id=token_id).delete()


def tokens_revoke_all_but(*, user: Any, keep: ApiToken | None) -> int:
    """Revoke every token of the user's except ``keep``; how many went."""
    tokens = ApiToken.objects.filter(user=user)
    if keep is not None:
        tokens = tokens.exclude(pk=keep.pk)
    deleted, _ = tokens.delete()
    return deleted


def tokens_purge_idle(*, user: Any, now: datetime) -> None:
    """Forget the user's tokens that have expired from disuse (they no longer work anyway)."""
    cutoff = now - idle_limit()
    ApiToken.objects.filter(user=user, last_used_at__lt=cutoff).delete()
    ApiToken.objects.filter(user=user, last_used_at__isnull=True, created_at__lt=cutoff).delete()


def token_touch(token: ApiToken, *, now: datetime) -> None:
    """Note that the token was just used; written at most once a minute per token."""
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_EVERY:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
