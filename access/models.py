"""Grants: what an admin lets one user's flows (or everyone's) reach beyond their own workspace."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantKind(models.TextChoices):
    FILE_ROOT = "file_root", _("folder (local path)")
    URI_PREFIX = "uri_prefix", _("URI prefix (hdfs://, s3a://, ...)")
    HOST = "host", _("host (name, address, *.domain or CIDR, optionally :port)")
    HIVE_DATABASE = "hive_database", _("Hive database")
    RUN_CODE = "run_code", _("may run stops that run code")


class Grant(models.Model):
    """One thing a user's flows may reach; ``user`` empty: everyone's."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grants",
        verbose_name=_("user"),
        help_text=_("Leave empty to grant it to every user."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=GrantKind.choices)
    value = models.CharField(
        _("value"),
        max_length=500,
        blank=True,
        help_text=_("The folder, URI prefix, host or database; empty for 'may run stops that run code'."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )
    created_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "value"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "value"], name="unique_grant"),
        ]

    def __str__(self) -> str:
        who = self.user.get_username() if self.user else "everyone"
        return f"{who}: {self.get_kind_display()} {self.value}".strip()
