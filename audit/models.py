"""The audit trail: one row per thing someone did, kept after the thing (and the someone) is gone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """What was done. A new kind of event adds its action here (and its label in the UI's catalogue)."""

    CREATED = "created", _("created")
    IMPORTED = "imported", _("imported")
    CHANGED = "changed", _("changed")
    DELETED = "deleted", _("deleted")
    STARTED = "started", _("started")
    STOPPED = "stopped", _("stopped")
    GRANTED = "granted", _("granted")
    REVOKED = "revoked", _("revoked")


class AuditTarget(models.TextChoices):
    """What it was done to."""

    FLOW = "flow", _("flow")
    PROCESS = "process", _("run")
    GRANT = "grant", _("grant")
    GROUP = "group", _("group")
    SCHEDULE = "schedule", _("schedule")
    DATA_SOURCE = "datasource", _("data source")
    STOPSHUB_PACKAGE = "stopshub_package", _("StopsHub package")


class AuditEvent(models.Model):
    """Who did what to which object, from where, and when.

    ``action`` and ``target_type`` hold the values of ``AuditAction`` and ``AuditTarget``; they are
    plain columns (no database choices) so a new kind of event needs no migration. ``details`` says
    what changed by name (fields, stops, properties), never a value that could be a secret.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    actor_name = models.CharField(
        _("user name"), max_length=150, blank=True, help_text=_("Empty: PiFlow itself (no user).")
    )
    action = models.CharField(_("action"), max_length=32, db_index=True)
    target_type = models.CharField(_("object type"), max_length=32)
    target_id = models.CharField(_("object id"), max_length=200)
    target_name = models.CharField(_("object name"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target")]

    def __str__(self) -> str:
        who = self.actor_name or "PiFlow"
        return f"{self.at:%Y-%m-%d %H:%M:%S} {who} {self.action} {self.target_type} {self.target_name or self.target_id}"
