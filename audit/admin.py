"""Admin of the audit trail: read-only, filtered by action, object type and time, searchable by name."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import AuditAction, AuditEvent, AuditTarget


class _ChoicesFilter(admin.SimpleListFilter):
    """A list filter offering the known values of a plain column, by their labels."""

    known: type[AuditAction] | type[AuditTarget]

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return list(self.known.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        value = self.value()
        return queryset.filter(**{self.parameter_name: value}) if value else queryset


class ActionFilter(_ChoicesFilter):
    title = _("action")
    parameter_name = "action"
    known = AuditAction


class TargetTypeFilter(_ChoicesFilter):
    title = _("object type")
    parameter_name = "target_type"
    known = AuditTarget


def _label(choices: type[AuditAction] | type[AuditTarget], value: str) -> str:
    return str(dict(choices.choices).get(value, value))


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Nobody adds, edits or deletes an event here: the trail is only read."""

    list_display = ("at", "who", "action_label", "target_label", "target_id", "target_name", "address")
    list_filter = (ActionFilter, TargetTypeFilter, "at")
    search_fields = ("actor_name", "target_name", "target_id")
    date_hierarchy = "at"
    fields = (
        "at",
        ("actor", "actor_name"),
        "action_label",
        ("target_label", "target_id", "target_name"),
        "pretty_details",
        "address",
    )
    readonly_fields = (
        "at",
        "actor",
        "actor_name",
        "action_label",
        "target_label",
        "target_id",
        "target_name",
        "pretty_details",
        "address",
    )

    @admin.display(description=_("user"), ordering="actor_name")
    def who(self, event: AuditEvent) -> str:
        return event.actor_name or str(_("PiFlow (no user)"))

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, event: AuditEvent) -> str:
        return _label(AuditAction, event.action)

    @admin.display(description=_("object type"), ordering="target_type")
    def target_label(self, event: AuditEvent) -> str:
        return _label(AuditTarget, event.target_type)

    @admin.display(description=_("details"))
    def pretty_details(self, event: AuditEvent) -> str:
        return format_html(
            '<pre style="white-space: pre-wrap">{}</pre>',
            json.dumps(event.details, indent=2, ensure_ascii=False),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
