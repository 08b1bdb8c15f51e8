"""Writes for accounts: ``from accounts import services``.

``users``: registering, logging in and out, changing the password. ``tokens``: making, using and
revoking API tokens.
"""

from accounts.services.tokens import (
    LOGIN_TOKEN_SESSION_KEY,
    token_create,
    token_revoke,
    token_touch,
    tokens_purge_idle,
    tokens_revoke_all_but,
)
from accounts.services.users import (
    password_change,
    refuse_closed_registration,
    user_login,
    user_logout,
    user_register,
)

__all__ = [
    "LOGIN_TOKEN_SESSION_KEY",
    "password_change",
    "refuse_closed_registration",
    "token_create",
    "token_revoke",
    "token_touch",
    "tokens_purge_idle",
    "tokens_revoke_all_but",
    "user_login",
    "user_logout",
    "user_register",
]
