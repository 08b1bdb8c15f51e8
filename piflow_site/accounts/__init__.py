"""Accounts over the API: register, log in (session + token), log out, who am I.

Users are Django's own ``auth.User``; an admin is a staff user (``is_staff``). There is no
model here, so this is a plain package rather than an installed app.
"""
