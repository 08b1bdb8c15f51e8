"""Shapes of PiFlow's ``/flow/*`` API, for the OpenAPI schema only.

The views build their answers by hand, in PiFlow's exact JSON; these serializers document it.
The flow JSON itself is described once, in ``flows.api.piflow_json``.
Names carry a ``PiflowFlow`` prefix so their schema components never collide with ``/api/``'s.
States are plain strings (no enums), so no enum component clashes with other ``state`` fields.
"""

from rest_framework import serializers

from flows.api.piflow_json import PiflowFlowSerializer, ProblemSerializer

_STATES = "PiFlow state: INIT, STARTED, COMPLETED, FAILED or KILLED (a stop may also be SKIPPED)."
_DATE = 'Like Java\'s Date.toString(), e.g. "Tue Nov 27 14:37:03 UTC 2018"; "" when not yet set.'


class PiflowFlowErrorSerializer(serializers.Serializer):
    error = serializers.CharField(help_text="What went wrong (PiFlow's message where the manual has one).")
    problems = ProblemSerializer(many=True, required=False, help_text="Why the flow cannot run.")
    appID = serializers.CharField(required=False)


#: ``/flow/start`` takes PiFlow's flow JSON, described once in ``flows.api.piflow_json``.
PiflowFlowStartRequestSerializer = PiflowFlowSerializer


class PiflowFlowIdsSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The run's appID.")
    pid = serializers.CharField(help_text="The run's process id.")


class PiflowFlowStartedSerializer(serializers.Serializer):
    flow = PiflowFlowIdsSerializer()


class PiflowFlowStopRequestSerializer(serializers.Serializer):
    appID = serializers.CharField()


class PiflowFlowInfoStopSerializer(serializers.Serializer):
    name = serializers.CharField()
    state = serializers.CharField(help_text=_STATES)
    startTime = serializers.CharField(help_text=_DATE)
    endTime = serializers.CharField(help_text=_DATE)
    rows = serializers.DictField(
        child=serializers.IntegerField(),
        help_text='Output port ("default" for the default port) -> rows that left the stop on it, once known.',
    )


class PiflowFlowInfoStopItemSerializer(serializers.Serializer):
    stop = PiflowFlowInfoStopSerializer()


class PiflowFlowInfoBodySerializer(serializers.Serializer):
    id = serializers.CharField()
    pid = serializers.CharField()
    name = serializers.CharField()
    state = serializers.CharField(help_text=_STATES)
    startTime = serializers.CharField(help_text=_DATE)
    endTime = serializers.CharField(help_text=_DATE)
    progress = serializers.CharField(
        help_text='Finished stops over all stops x 100, e.g. "66.67"; "100" when done.'
    )
    stops = PiflowFlowInfoStopItemSerializer(many=True)


class PiflowFlowInfoSerializer(serializers.Serializer):
    flow = PiflowFlowInfoBodySerializer()


class PiflowFlowProgressBodySerializer(serializers.Serializer):
    appId = serializers.CharField()
    name = serializers.CharField()
    state = serializers.CharField(help_text=_STATES)
    progress = serializers.CharField(help_text='e.g. "66.67%"; "100%" when COMPLETED.')


class PiflowFlowProgressSerializer(serializers.Serializer):
    flow = PiflowFlowProgressBodySerializer()


class PiflowFlowLogAppSerializer(serializers.Serializer):
    id = serializers.CharField()
    user = serializers.CharField()
    name = serializers.CharField()
    state = serializers.CharField(
        help_text="As YARN reports it: ACCEPTED, RUNNING, FINISHED, FAILED or KILLED."
    )
    finalStatus = serializers.CharField(
        help_text="As YARN: UNDEFINED while running, then SUCCEEDED, FAILED or KILLED."
    )
    progress = serializers.FloatField(help_text="0 to 100.")
    startedTime = serializers.IntegerField(help_text="Epoch milliseconds; 0 when not started.")
    finishedTime = serializers.IntegerField(help_text="Epoch milliseconds; 0 while running.")
    elapsedTime = serializers.IntegerField(help_text="Milliseconds.")
    amContainerLogs = serializers.CharField(help_text="Where this log is served (this endpoint).")


class PiflowFlowLogSerializer(serializers.Serializer):
    app = PiflowFlowLogAppSerializer()
    log = serializers.CharField(help_text="The run's log from offset, at most 1 MiB (secrets masked).")
    offset = serializers.IntegerField(help_text="The byte offset this text starts at.")
    nextOffset = serializers.IntegerField(help_text="Pass it as offset to follow the log.")


class PiflowFlowCheckpointsSerializer(serializers.Serializer):
    checkpoints = serializers.CharField(help_text="Names of the checkpointed stops, comma-separated.")


class PiflowFlowDebugDataSerializer(serializers.Serializer):
    schema = serializers.CharField(help_text="Column names, comma-separated.")
    debugDataPath = serializers.CharField(help_text="The directory on the server holding the sample.")
    rows = serializers.ListField(child=serializers.DictField(), help_text="This page of the sampled rows.")
    offset = serializers.IntegerField()
    limit = serializers.IntegerField()
    total = serializers.IntegerField(help_text="Rows in the sample.")
    nextOffset = serializers.IntegerField(
        allow_null=True, help_text="Offset of the next page; null on the last."
    )
    count = serializers.IntegerField(
        allow_null=True, help_text="Rows that crossed the port in the run (null until known)."
    )
    fields = serializers.ListField(child=serializers.DictField(), help_text="Spark's JSON schema fields.")
