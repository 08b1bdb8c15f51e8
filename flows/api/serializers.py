"""Request and response shapes of ``/api/flows/`` and ``/api/processes/``.

Input serializers only parse; the services decide. Output serializers never carry a secret:
sensitive property values are masked (``******``) with ``piflow.redact_flow``, and a run's
snapshot (``Process.spec``) is only ever shown redacted.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from access.selectors import policy_for
from flows.api.piflow_json import (
    PiflowFlowSerializer,
    PiflowPathSerializer,
    PiflowStopSerializer,
    ProblemSerializer,
)
from flows.converters import masked_environment, masked_stops, public_spec
from flows.models import Flow, Process
from flows.services import FLOW_FIELDS, flow_problems

# -- errors ---------------------------------------------------------------------------------------


class FlowErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    problems = ProblemSerializer(many=True, required=False, help_text="Why the engine refuses the flow.")
    revision = serializers.IntegerField(required=False, help_text="The stored revision (409 only).")
    fields = serializers.DictField(required=False, help_text="Invalid request fields and why.")


# -- flows ----------------------------------------------------------------------------------------


class FlowFieldsSerializer(serializers.Serializer):
    """Fields a client may set; every one optional (PATCH)."""

    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    driver_memory = serializers.CharField(max_length=16, required=False)
    executor_number = serializers.IntegerField(min_value=1, required=False)
    executor_memory = serializers.CharField(max_length=16, required=False)
    executor_cores = serializers.IntegerField(min_value=1, required=False)
    stops = PiflowStopSerializer(many=True, required=False)
    paths = PiflowPathSerializer(many=True, required=False)
    positions = serializers.DictField(required=False, help_text="Stop name -> {x, y} on the canvas.")
    checkpoints = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Names of the stops whose output is checkpointed.",
    )
    environment = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="${VAR} -> value, substituted into properties.",
    )


class FlowCreateSerializer(FlowFieldsSerializer):
    name = serializers.CharField(max_length=200)


class FlowPatchSerializer(FlowFieldsSerializer):
    """PATCH: every field optional except ``revision``.

    Never partial: a partial serializer would drop the required ``revision``, and the OpenAPI
    generator makes every PATCH body partial unless the serializer refuses to be.
    """

    revision = serializers.IntegerField(
        min_value=1, help_text="The revision the edit is based on; a stale one is refused with 409."
    )

    @property
    def partial(self) -> bool:
        return False

    @partial.setter
    def partial(self, value: bool) -> None:
        pass


class FlowPutSerializer(FlowPatchSerializer):
    """PUT: ``name`` and ``revision`` required; fields left out keep their stored values."""

    name = serializers.CharField(max_length=200)


class _ProblemsMixin(serializers.Serializer):
    """``problems`` (every engine validation error) and ``valid``, computed once per flow."""

    problems = serializers.SerializerMethodField()
    valid = serializers.SerializerMethodField()

    def _problems(self, flow: Flow) -> list[dict[str, Any]]:
        cache = self.__dict__.setdefault("_problem_cache", {})
        if flow.pk not in cache:
            policies = self.__dict__.setdefault("_policy_cache", {})  # one per owner, not per flow
            if flow.owner_id not in policies:
                policies[flow.owner_id] = policy_for(flow.owner)
            cache[flow.pk] = [problem.to_dict() for problem in flow_problems(flow, policies[flow.owner_id])]
        return cache[flow.pk]

    @extend_schema_field(ProblemSerializer(many=True))
    def get_problems(self, flow: Flow) -> list[dict[str, Any]]:
        return self._problems(flow)

    def get_valid(self, flow: Flow) -> bool:
        return not self._problems(flow)


class FlowListItemSerializer(_ProblemsMixin, serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username")
    stop_count = serializers.SerializerMethodField()

    class Meta:
        model = Flow
        fields = [
            "id",
            "uuid",
            "name",
            "description",
            "owner",
            "revision",
            "stop_count",
            "valid",
            "problems",
            "created_at",
            "updated_at",
        ]

    def get_stop_count(self, flow: Flow) -> int:
        return len(flow.stops)


class FlowSerializer(_ProblemsMixin, serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username")
    stops = serializers.SerializerMethodField()
    paths = PiflowPathSerializer(many=True)
    positions = serializers.DictField()
    checkpoints = serializers.ListField(child=serializers.CharField())
    environment = serializers.SerializerMethodField(
        help_text="${VAR} -> value; a variable that fills a password (or a URL's) is masked."
    )

    class Meta:
        model = Flow
        fields = [
            "id",
            "uuid",
            "owner",
            *FLOW_FIELDS,
            "revision",
            "valid",
            "problems",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(PiflowStopSerializer(many=True))
    def get_stops(self, flow: Flow) -> list[dict[str, Any]]:
        return masked_stops(flow.stops, flow.name)

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_environment(self, flow: Flow) -> dict[str, str]:
        return masked_environment(flow)


# -- processes -----------------------------------------------------------------------------------


class ProcessResumeSerializer(serializers.Serializer):
    checkpoints = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Stops whose checkpoints to load; all of the earlier run's when left out.",
    )


class ProcessStopSerializer(serializers.Serializer):
    name = serializers.CharField()
    bundle = serializers.CharField()
    state = serializers.CharField()
    started_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)
    duration = serializers.SerializerMethodField(help_text="Seconds from start to end; null until it ended.")
    error = serializers.CharField()
    checkpoint = serializers.BooleanField()

    def get_duration(self, stop: Any) -> float | None:
        if stop.started_at is None or stop.ended_at is None:
            return None
        return round((stop.ended_at - stop.started_at).total_seconds(), 3)


class ProcessPathSerializer(serializers.Serializer):
    def get_fields(self) -> dict[str, serializers.Field]:  # "from" is a Python keyword
        return {
            "from": serializers.CharField(source="from_stop"),
            "outport": serializers.CharField(),
            "inport": serializers.CharField(),
            "to": serializers.CharField(source="to_stop"),
            "rows": serializers.IntegerField(
                allow_null=True, help_text="Rows that crossed it; null until known."
            ),
        }


class ProcessListItemSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username")
    flow_name = serializers.CharField(
        source="flow.name",
        allow_null=True,
        default=None,
        help_text="The flow's current name (null once the flow is deleted).",
    )

    class Meta:
        model = Process
        fields = [
            "id",
            "pid",
            "name",
            "flow",
            "flow_name",
            "owner",
            "resumed_from",
            "group_run",
            "mode",
            "trigger",
            "state",
            "progress",
            "error",
            "created_at",
            "started_at",
            "ended_at",
        ]


class ProcessSerializer(ProcessListItemSerializer):
    stops = ProcessStopSerializer(many=True)
    paths = ProcessPathSerializer(many=True)
    spec = serializers.SerializerMethodField(help_text="The flow JSON that ran, sensitive values masked.")

    class Meta(ProcessListItemSerializer.Meta):
        fields = [*ProcessListItemSerializer.Meta.fields, "cancel_requested", "stops", "paths", "spec"]

    @extend_schema_field(PiflowFlowSerializer)
    def get_spec(self, process: Process) -> dict[str, Any]:
        return public_spec(process.flow_spec, process.run_request)


class ProcessLogSerializer(serializers.Serializer):
    log = serializers.CharField(help_text="The log from offset on (at most 1 MiB).")
    next_offset = serializers.IntegerField(help_text="Pass as offset to read what follows.")
    more = serializers.BooleanField(help_text="More of the log is already written beyond next_offset.")


class ProcessCheckpointsSerializer(serializers.Serializer):
    checkpoints = serializers.ListField(
        child=serializers.CharField(), help_text="Stops with a complete checkpoint."
    )


class ProcessDebugSerializer(serializers.Serializer):
    stop = serializers.CharField()
    port = serializers.CharField()
    schema = serializers.DictField(help_text="Spark's JSON schema of the port's data.")
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.DictField(), help_text="A page of the sampled rows.")
    offset = serializers.IntegerField()
    limit = serializers.IntegerField()
    sampled = serializers.IntegerField(help_text="Rows kept in the sample.")
    total_rows = serializers.IntegerField(allow_null=True, help_text="Rows that left the stop on this port.")
