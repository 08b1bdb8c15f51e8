"""Accounts: register, log in (session + token), log out, who am I, change the password, API tokens.

Users are Django's own ``auth.User``; an admin is a staff user (``is_staff``). The app's one model
is :class:`accounts.models.ApiToken`: named tokens, stored hashed, refused after a long idle spell
(``accounts.authentication.ApiTokenAuthentication``). Login, registration and password changes are
rate-limited (``accounts.api.throttling``).
"""
