"""Admin of the access app: operators grant folders, URI prefixes, hosts, Hive databases and code."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from access.models import Grant
from audit.models import AuditAction, AuditTarget
from audit.services import record_event


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "value", "note", "created_by", "created_at")
    list_filter = ("kind",)
    search_fields = ("user__username", "value", "note")
    autocomplete_fields = ("user",)
    readonly_fields = ("created_by", "created_at")

    def save_model(self, request: HttpRequest, obj: Grant, form: Any, change: bool) -> None:
        """Save, and record in the audit trail who granted it (or changed which fields of it)."""
        if not change:
            obj.created_by = request.user
        previous = str(Grant.objects.get(pk=obj.pk)) if change else ""
        super().save_model(request, obj, form, change)
        if not change:
            _record(request, AuditAction.GRANTED, obj, {"kind": obj.kind})
        elif form.changed_data:
            _record(
                request, AuditAction.CHANGED, obj, {"fields": form.changed_data, "previous_name": previous}
            )

    def delete_model(self, request: HttpRequest, obj: Grant) -> None:
        """Delete, and record who revoked it."""
        _record(request, AuditAction.REVOKED, obj, {"kind": obj.kind})
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Grant]) -> None:
        for grant in queryset.select_related("user"):
            _record(request, AuditAction.REVOKED, grant, {"kind": grant.kind})
        super().delete_queryset(request, queryset)


def _record(request: HttpRequest, action: str, grant: Grant, details: dict[str, Any]) -> None:
    record_event(
        actor=request.user,
        action=action,
        target_type=AuditTarget.GRANT,
        target_id=grant.pk,
        target_name=str(grant),
        details=details,
    )
