"""``Authorization: Token <key>`` against :class:`accounts.models.ApiToken` (DRF's authentication class).

The key is looked up by its hash; a token unused for ``PIFLOW_TOKEN_IDLE_DAYS`` is refused, and
each use is noted (at most once a minute per token).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from accounts import services
from accounts.idle import idle_limit, is_expired
from accounts.models import ApiToken
from accounts.selectors import token_for_key


class ApiTokenAuthentication(TokenAuthentication):
    """DRF's token scheme (same header, same 401s), with PiFlow's named, hashed, expiring tokens."""

    keyword = "Token"
    model = ApiToken

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        now = timezone.now()
        if is_expired(token, now):
            raise exceptions.AuthenticationFailed(
                _(
                    "This token has expired: it was not used for %(days)d days. "
                    "Log in again or make a new token."
                )
                % {"days": idle_limit().days}
            )
        services.token_touch(token, now=now)
        return token.user, token
