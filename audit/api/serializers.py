"""Shapes of ``GET /api/audit/``: the filters it reads and the events it answers with."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from audit.models import AuditAction, AuditEvent, AuditTarget


class AuditErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    fields = serializers.DictField(required=False, help_text="Invalid query parameters and why.")


class AuditFilterSerializer(serializers.Serializer):
    """The query parameters; every one optional."""

    actor = serializers.CharField(required=False, allow_blank=True, max_length=150)
    action = serializers.ChoiceField(choices=AuditAction.choices, required=False, allow_blank=True)
    target_type = serializers.ChoiceField(choices=AuditTarget.choices, required=False, allow_blank=True)
    target_id = serializers.CharField(required=False, allow_blank=True, max_length=200)
    since = serializers.DateTimeField(required=False)
    until = serializers.DateTimeField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        since, until = attrs.get("since"), attrs.get("until")
        if since is not None and until is not None and since > until:
            raise serializers.ValidationError({"until": "must not be before since"})
        return attrs


class AuditEventSerializer(serializers.ModelSerializer):
    """One event: who (``actor`` null when the user is gone or it was PiFlow itself), what, to what, when."""

    action = serializers.ChoiceField(choices=AuditAction.choices)
    target_type = serializers.ChoiceField(choices=AuditTarget.choices)
    details = serializers.DictField(
        help_text="What changed, by name (fields, stops, properties); never a value."
    )

    class Meta:
        model = AuditEvent
        fields = (
            "id",
            "at",
            "actor",
            "actor_name",
            "action",
            "target_type",
            "target_id",
            "target_name",
            "details",
            "address",
        )
        read_only_fields = fields
