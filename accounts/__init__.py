"""Accounts: register, log in (session + token), log out, who am I.

Users are Django's own ``auth.User``; an admin is a staff user (``is_staff``). The app has no
model of its own: services and the API only.
"""
