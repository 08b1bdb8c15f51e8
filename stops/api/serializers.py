"""Response shapes of the stop catalogue, for the OpenAPI schema.

The data itself is built by ``piflow.catalogue`` and ``Stop.descriptor()`` in the engine;
these serializers only document it.
"""

from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    bundle = serializers.CharField(required=False)


class PiflowGroupsSerializer(serializers.Serializer):
    groups = serializers.CharField(help_text="Group names, comma-separated.")


class PiflowStopsSerializer(serializers.Serializer):
    stops = serializers.CharField(help_text="Bundle ids, comma-separated.")


class PiflowStopWithGroupSerializer(serializers.Serializer):
    stopWithGroup = serializers.CharField(help_text="group:bundle pairs, comma-separated.")


class PiflowPropertySerializer(serializers.Serializer):
    name = serializers.CharField()
    displayName = serializers.CharField()
    description = serializers.CharField()
    defaultValue = serializers.CharField()
    allowableValues = serializers.ListField(child=serializers.CharField())
    required = serializers.ChoiceField(choices=["true", "false"])
    sensitive = serializers.ChoiceField(choices=["true", "false"])
    example = serializers.CharField()
    language = serializers.CharField()


class PiflowPropertyItemSerializer(serializers.Serializer):
    property = PiflowPropertySerializer()


class PiflowStopInfoSerializer(serializers.Serializer):
    name = serializers.CharField()
    bundle = serializers.CharField()
    owner = serializers.CharField()
    groups = serializers.CharField(help_text="Comma-separated.")
    inports = serializers.CharField(help_text="Comma-separated; Default, Any, None, Left, Right or a name.")
    outports = serializers.CharField(help_text="Comma-separated; Default, Any, None, Route or a name.")
    isCustomized = serializers.ChoiceField(choices=["true", "false"])
    isDataSource = serializers.ChoiceField(choices=["true", "false"])
    description = serializers.CharField()
    properties = PiflowPropertyItemSerializer(many=True)


class StopPropertySerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    description = serializers.CharField()
    type = serializers.CharField()
    default = serializers.CharField()
    required = serializers.BooleanField()
    example = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField())
    sensitive = serializers.BooleanField()
    language = serializers.CharField()


class StopDescriptorSerializer(serializers.Serializer):
    bundle = serializers.CharField()
    name = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    groups = serializers.ListField(child=serializers.CharField(), help_text="Group ids (never translated).")
    groupLabels = serializers.ListField(
        child=serializers.CharField(),
        help_text="The groups' names in the request's language, in the same order.",
    )
    description = serializers.CharField(help_text="The summary, in the request's language when translated.")
    details = serializers.CharField()
    inports = serializers.ListField(child=serializers.CharField())
    outports = serializers.ListField(child=serializers.CharField())
    customizable = serializers.BooleanField()
    isDataSource = serializers.BooleanField()
    author = serializers.CharField()
    properties = StopPropertySerializer(many=True)


class StopGroupSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The group id stops declare (never translated).")
    label = serializers.CharField(help_text="The group's name in the request's language.")
    description = serializers.CharField(
        help_text="What the group holds, in the request's language (may be empty)."
    )
    count = serializers.IntegerField(help_text="How many registered stops are in the group.")
