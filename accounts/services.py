"""Writes for accounts: registering, logging in and out."""

from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import Token

from common.errors import ApplicationError

USERNAME_TAKEN = _("a user with that username already exists")


def _refuse(field: str, messages: list[str]) -> ApplicationError:
    return ApplicationError(f"{field}: {' '.join(messages)}", extra={"fields": {field: messages}})


@transaction.atomic
def user_register(*, username: str, password: str, email: str = "") -> AbstractBaseUser:
    """A new ordinary (non-admin) user; the password must pass Django's validators.

    Usernames are unique regardless of letter case. Admins are made with ``createsuperuser``
    or by an admin; registration never grants staff rights.
    """
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


def user_login(*, request: HttpRequest, username: str, password: str) -> tuple[AbstractBaseUser, str] | None:
    """Start a session for the user and return ``(user, API token)``; None for wrong credentials."""
    user = authenticate(request, username=username, password=password)
    if user is None:
        return None
    login(request, user)
    token, _ = Token.objects.get_or_create(user=user)
    return user, token.key


def user_logout(*, request: HttpRequest, token: Token | None = None) -> None:
    """End the session, and revoke the API token when the caller authenticated with it."""
    if token is not None:
        Token.objects.filter(pk=token.pk).delete()
    logout(request)
