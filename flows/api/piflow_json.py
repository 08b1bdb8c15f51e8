"""PiFlow's flow JSON, described once: what ``/flow/start`` takes, ``/api/flows/`` stores and exports.

These serializers parse the stops and paths a client sends to ``/api/flows/`` and document the
whole flow object (``{"flow": {...}}``) in the OpenAPI schema; the engine (``piflow.parse_piflow``)
is what reads a flow to run it.
"""

from __future__ import annotations

from rest_framework import serializers

import piflow


class PiflowStopSerializer(serializers.Serializer):
    """A stop as PiFlow's flow JSON spells it."""

    name = serializers.CharField(max_length=200, help_text="Unique within the flow; paths refer to it.")
    bundle = serializers.CharField(
        max_length=300, help_text="Bundle id or any PiFlow name of it (cn.piflow.bundle...)."
    )
    uuid = serializers.CharField(required=False, allow_blank=True)
    properties = serializers.DictField(
        required=False,
        help_text="Property name -> value (a string, or a list of strings); sensitive values read back as ******.",
    )
    customizedProperties = serializers.DictField(required=False)


class PiflowPathSerializer(serializers.Serializer):
    """A path: ``from`` stop's ``outport`` to ``to`` stop's ``inport`` ("" = the default port)."""

    def get_fields(self) -> dict[str, serializers.Field]:  # "from" is a Python keyword
        return {
            "from": serializers.CharField(max_length=200),
            "outport": serializers.CharField(required=False, allow_blank=True, default=""),
            "inport": serializers.CharField(required=False, allow_blank=True, default=""),
            "to": serializers.CharField(max_length=200),
        }


class PiflowPositionSerializer(serializers.Serializer):
    x = serializers.FloatField()
    y = serializers.FloatField()


class PiflowFlowBodySerializer(serializers.Serializer):
    name = serializers.CharField()
    uuid = serializers.CharField(required=False, allow_blank=True)
    runMode = serializers.ChoiceField(
        choices=[piflow.RUN, piflow.DEBUG],
        required=False,
        help_text="RUN (default) or DEBUG (keeps a sample of the data on every path).",
    )
    driverMemory = serializers.CharField(required=False)
    executorNumber = serializers.CharField(required=False)
    executorMemory = serializers.CharField(required=False)
    executorCores = serializers.CharField(required=False)
    checkpoint = serializers.CharField(
        required=False,
        help_text="Stop names, comma-separated: stops to checkpoint, or, with checkpointParentProcessId, "
        "the checkpoints to load from that run (all of its checkpoints when empty).",
    )
    checkpointParentProcessId = serializers.CharField(
        required=False, help_text="Resume from the checkpoints of this earlier run (an appID you may see)."
    )
    environmentVariable = serializers.DictField(child=serializers.CharField(), required=False)
    stops = PiflowStopSerializer(many=True)
    paths = PiflowPathSerializer(many=True, required=False)
    layout = serializers.DictField(
        child=PiflowPositionSerializer(),
        required=False,
        help_text="Stop name -> {x, y} on the canvas (flows.converters.LAYOUT_KEY): exported with the flow, "
        "restored by import; PiFlow ignores it.",
    )


class PiflowFlowSerializer(serializers.Serializer):
    """PiFlow's flow JSON: ``{"flow": {...}}``."""

    flow = PiflowFlowBodySerializer()


class ProblemSerializer(serializers.Serializer):
    message = serializers.CharField()
    stop = serializers.CharField(required=False, help_text="The stop concerned, if any.")
    property = serializers.CharField(required=False, help_text="The property concerned, if any.")
    path = serializers.IntegerField(required=False, help_text="Index into paths, if a path is concerned.")
