"""Shapes of PiFlow's ``/flow/*`` and ``/group/*`` API, for the OpenAPI schema only.

The views build their answers by hand, in PiFlow's exact JSON; these serializers document it.
Names carry a ``PiflowFlow`` prefix so their schema components never collide with ``/api/``'s.
States are plain strings (no enums), so no enum component clashes with other ``state`` fields.
"""

from rest_framework import serializers

_STATES = "PiFlow state: INIT, STARTED, COMPLETED, FAILED or KILLED (a stop may also be SKIPPED)."
_DATE = 'Like Java\'s Date.toString(), e.g. "Tue Nov 27 14:37:03 UTC 2018"; "" when not yet set.'


class PiflowFlowProblemSerializer(serializers.Serializer):
    message = serializers.CharField()
    stop = serializers.CharField(required=False, help_text="The stop concerned, if any.")
    property = serializers.CharField(required=False, help_text="The property concerned, if any.")
    path = serializers.IntegerField(required=False, help_text="Index in paths, if a path is concerned.")


class PiflowFlowErrorSerializer(serializers.Serializer):
    error = serializers.CharField(help_text="What went wrong (PiFlow's message where the manual has one).")
    problems = PiflowFlowProblemSerializer(many=True, required=False, help_text="Why the flow cannot run.")
    appID = serializers.CharField(required=False)


class PiflowFlowStopDefinitionSerializer(serializers.Serializer):
    uuid = serializers.CharField(required=False)
    name = serializers.CharField(help_text="Unique within the flow; paths refer to it.")
    bundle = serializers.CharField(help_text="Bundle id, or any PiFlow name of it (cn.piflow.bundle...).")
    properties = serializers.DictField(
        child=serializers.JSONField(), required=False, help_text="Name -> value (a string, or a list of strings)."
    )
    customizedProperties = serializers.DictField(child=serializers.JSONField(), required=False)


#: ``from`` is a Python keyword, so this one is built from a dict of fields.
PiflowFlowPathDefinitionSerializer = type(
    "PiflowFlowPathDefinitionSerializer",
    (serializers.Serializer,),
    {
        "__module__": __name__,
        "__doc__": "A path from one stop's outport to another stop's inport (\"\" = the default port).",
        "from": serializers.CharField(),
        "outport": serializers.CharField(required=False, allow_blank=True),
        "inport": serializers.CharField(required=False, allow_blank=True),
        "to": serializers.CharField(),
    },
)


class PiflowFlowDefinitionSerializer(serializers.Serializer):
    name = serializers.CharField()
    uuid = serializers.CharField(required=False)
    runMode = serializers.CharField(required=False, help_text="RUN (default) or DEBUG (keeps data per path).")
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
    stops = PiflowFlowStopDefinitionSerializer(many=True)
    paths = PiflowFlowPathDefinitionSerializer(many=True, required=False)


class PiflowFlowStartRequestSerializer(serializers.Serializer):
    flow = PiflowFlowDefinitionSerializer()


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
        help_text="Output port (\"default\" for the default port) -> rows that left the stop on it, once known.",
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
    progress = serializers.CharField(help_text='Finished stops over all stops x 100, e.g. "66.67"; "100" when done.')
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
    state = serializers.CharField(help_text="As YARN reports it: ACCEPTED, RUNNING, FINISHED, FAILED or KILLED.")
    finalStatus = serializers.CharField(help_text="As YARN: UNDEFINED while running, then SUCCEEDED, FAILED or KILLED.")
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
    nextOffset = serializers.IntegerField(allow_null=True, help_text="Offset of the next page; null on the last.")
    count = serializers.IntegerField(
        allow_null=True, help_text="Rows that crossed the port in the run (null until known)."
    )
    fields = serializers.ListField(child=serializers.DictField(), help_text="Spark's JSON schema fields.")
