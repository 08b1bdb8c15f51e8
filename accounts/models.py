"""API tokens: many per user, each named, stored only as a hash, refused after a long idle spell."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: How many characters of a key are kept in clear, so a user can tell their tokens apart.
PREFIX_LENGTH = 8


def hash_key(key: str) -> str:
    """The SHA-256 (hex) under which a key is stored; the key itself never is."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class ApiToken(models.Model):
    """A key for ``Authorization: Token <key>``. Shown once, when made; revoked by deleting the row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, editable=False)
    created_at = models.DateTimeField(_("created at"), editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    from_login = models.BooleanField(
        _("made by a login"),
        default=False,
        editable=False,
        help_text=_("Revoked when that session logs out."),
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def last_active_at(self):
        """When the token was last used, or made if it never was: where its idle time counts from."""
        return self.last_used_at or self.created_at
