"""Writes for users: registering, logging in and out, changing the password."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import (
    SESSION_KEY,
    authenticate,
    get_user_model,
    login,
    logout,
    update_session_auth_hash,
)
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiToken
from accounts.selectors import registration_open
from accounts.services.tokens import (
    LOGIN_TOKEN_SESSION_KEY,
    login_token_create,
    tokens_purge_idle,
    tokens_revoke_all_but,
)
from common.errors import ApplicationError

USERNAME_TAKEN = _("a user with that username already exists")
REGISTRATION_CLOSED = _("registration is closed: ask an administrator for an account")
WRONG_CURRENT_PASSWORD = _("this is not your current password")


def _refuse(field: str, messages: list[str]) -> ApplicationError:
    return ApplicationError(f"{field}: {' '.join(messages)}", extra={"fields": {field: messages}})


def refuse_closed_registration() -> None:
    """A 403 saying so when registration is closed (``PIFLOW_OPEN_REGISTRATION=0``)."""
    if not registration_open():
        raise ApplicationError(str(REGISTRATION_CLOSED), status=403)


@transaction.atomic
def user_register(*, username: str, password: str, email: str = "") -> AbstractBaseUser:
    """A new ordinary (non-admin) user; the password must pass Django's validators.

    Usernames are unique regardless of letter case. Admins are made with ``createsuperuser``
    or by an admin; registration never grants staff rights. A 403 when registration is closed
    (``PIFLOW_OPEN_REGISTRATION=0``).
    """
    refuse_closed_registration()
    User = get_user_model()
    username = User.normalize_username((username or "").strip())
    if User.objects.filter(username__iexact=username).exists():
        raise _refuse("username", [str(USERNAME_TAKEN)])
    user = User(username=username, email=User.objects.normalize_email(email or ""))
    try:
        user.full_clean(exclude=["password"])
    except DjangoValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise _refuse(field, messages) from None
    try:
        validate_password(password, user=user)
    except DjangoValidationError as exc:
        raise _refuse("password", list(exc.messages)) from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # registered by someone else between the check and the insert
        raise _refuse("username", [str(USERNAME_TAKEN)]) from None
    return user


def user_login(
    *, request: HttpRequest, username: str, password: str, user_agent: str = ""
) -> tuple[AbstractBaseUser, str] | None:
    """Start a session and return ``(user, key of a new API token)``; None for wrong credentials.

    The token is named after the client (``login: <user agent>``); logging out of this session
    revokes it. Tokens of the user's that expired from disuse are forgotten on the way.
    """
    user = authenticate(request, username=username, password=password)
    if user is None:
        return None
    login(request, user)
    with transaction.atomic():
        tokens_purge_idle(user=user, now=timezone.now())
        token, key = login_token_create(user=user, user_agent=user_agent)
    request.session[LOGIN_TOKEN_SESSION_KEY] = token.pk
    return user, key


def user_logout(*, request: HttpRequest, token: ApiToken | None = None) -> None:
    """End the session, and revoke the token used (or the one this session's login made)."""
    user = getattr(request, "user", None)
    if token is not None:
        ApiToken.objects.filter(pk=token.pk).delete()
    elif user is not None and user.is_authenticated:
        login_token_id = request.session.get(LOGIN_TOKEN_SESSION_KEY)
        if login_token_id is not None:
            ApiToken.objects.filter(pk=login_token_id, user=user, from_login=True).delete()
    logout(request)


def password_change(
    *, request: HttpRequest, user: Any, current_password: str, new_password: str, token: ApiToken | None
) -> None:
    """Set a new password after checking the current one; every other session and token stops working.

    The caller stays logged in: through the same session (its hash is renewed), or through the
    same token when that is how they called. Other sessions fail Django's session-hash check.
    """
    if not user.check_password(current_password):
        raise _refuse("current_password", [str(WRONG_CURRENT_PASSWORD)])
    try:
        validate_password(new_password, user=user)
    except DjangoValidationError as exc:
        raise _refuse("new_password", list(exc.messages)) from None
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        tokens_revoke_all_but(user=user, keep=token)
    if token is None and str(request.session.get(SESSION_KEY)) == str(user.pk):
        update_session_auth_hash(request, user)
