"""Admin of the flows app: flows and runs for operators, read-only, never showing a secret.

Flows are edited through the API (which checks revisions and keeps secrets); here an operator
looks, deletes, and stops runs. ``Flow.stops`` and ``Process.spec`` hold passwords, so they are
never shown as stored: only masked copies are.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common.errors import ConflictError
from flows import services
from flows.converters import masked_environment, masked_stops, public_spec
from flows.models import Flow, Process, ProcessPath, ProcessStop


def _pretty(data: Any) -> str:
    return format_html(
        '<pre style="white-space: pre-wrap">{}</pre>', json.dumps(data, indent=2, ensure_ascii=False)
    )


class _ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Flow)
class FlowAdmin(_ReadOnlyAdmin):
    list_display = ("name", "owner", "revision", "stop_count", "updated_at")
    list_filter = ("updated_at",)
    search_fields = ("name", "description", "owner__username")
    list_select_related = ("owner",)
    fields = (
        "name",
        "uuid",
        "owner",
        "description",
        "revision",
        "created_at",
        "updated_at",
        ("driver_memory", "executor_number", "executor_memory", "executor_cores"),
        "masked_stops",
        "paths",
        "checkpoints",
        "masked_environment",
    )
    readonly_fields = ("uuid", "created_at", "updated_at", "masked_stops", "masked_environment")

    @admin.display(description=_("stops"))
    def stop_count(self, flow: Flow) -> int:
        return len(flow.stops)

    @admin.display(description=_("stops (sensitive values masked)"))
    def masked_stops(self, flow: Flow) -> str:
        return _pretty(masked_stops(flow.stops, flow.name))

    @admin.display(description=_("environment (secrets masked)"))
    def masked_environment(self, flow: Flow) -> str:
        return _pretty(masked_environment(flow))

    def delete_model(self, request: HttpRequest, obj: Flow) -> None:
        """Through the service, so the audit trail records who deleted it."""
        services.flow_delete(flow=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Flow]) -> None:
        for flow in queryset:
            services.flow_delete(flow=flow, actor=request.user)


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProcessStopInline(_ReadOnlyInline):
    model = ProcessStop
    fields = ("position", "name", "bundle", "state", "started_at", "ended_at", "checkpoint", "error")
    readonly_fields = fields


class ProcessPathInline(_ReadOnlyInline):
    model = ProcessPath
    fields = ("from_stop", "outport", "inport", "to_stop", "rows")
    readonly_fields = fields


@admin.register(Process)
class ProcessAdmin(_ReadOnlyAdmin):
    list_display = (
        "id",
        "name",
        "owner",
        "mode",
        "trigger",
        "state",
        "progress",
        "created_at",
        "started_at",
        "ended_at",
    )
    list_filter = ("state", "mode", "trigger", "created_at")
    search_fields = ("id", "pid", "name", "owner__username", "flow__name")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    fields = (
        ("id", "pid"),
        ("name", "flow", "owner"),
        ("resumed_from", "loaded_checkpoints", "group_run"),
        ("mode", "trigger", "state", "progress"),
        ("created_at", "started_at", "ended_at"),
        ("worker", "lease_expires_at", "cancel_requested"),
        "error",
        "masked_spec",
    )
    readonly_fields = ("id", "pid", "created_at", "masked_spec")
    inlines = (ProcessStopInline, ProcessPathInline)
    actions = ("stop_runs",)

    @admin.display(description=_("flow JSON (sensitive values masked)"))
    def masked_spec(self, process: Process) -> str:
        return _pretty(public_spec(process.flow_spec, process.run_request))

    def has_delete_permission(self, request: HttpRequest, obj: Process | None = None) -> bool:
        """A running process must be stopped before it is deleted (as in the API)."""
        return super().has_delete_permission(request, obj) and (obj is None or obj.finished)

    def delete_model(self, request: HttpRequest, obj: Process) -> None:
        """Through the service: its files go too, the audit trail records who, and a run another
        unfinished run resumes from is refused (403, with the service's reason)."""
        try:
            services.process_delete(process=obj, actor=request.user)
        except ConflictError as exc:
            raise PermissionDenied(exc.message) from None

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # it would delete running processes too
        return actions

    @admin.action(description=_("Stop the selected runs"), permissions=["stop"])
    def stop_runs(self, request: HttpRequest, queryset: QuerySet[Process]) -> None:
        stopped = [services.process_stop(process=p, actor=request.user) for p in queryset if not p.finished]
        self.message_user(
            request, _("%(n)d run(s) stopped or asked to stop.") % {"n": len(stopped)}, messages.SUCCESS
        )

    def has_stop_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("flows.change_process")
