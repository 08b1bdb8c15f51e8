"""Shapes of the workspace API: entries, a folder's page of them, uploads, new folders, errors."""

from __future__ import annotations

from rest_framework import serializers


class FileEntrySerializer(serializers.Serializer):
    name = serializers.CharField()
    path = serializers.CharField(help_text="Relative to the workspace; what the other file endpoints take.")
    is_dir = serializers.BooleanField()
    size = serializers.IntegerField(allow_null=True, help_text="Bytes; null for a folder.")
    modified = serializers.DateTimeField()
    location = serializers.CharField(
        help_text="The absolute path on the server: type it into a stop's path property (csvPath, ...)."
    )


class FolderPageSerializer(serializers.Serializer):
    """One page of a folder's entries, folders first, with the folder's own place."""

    path = serializers.CharField(help_text="The folder, relative to the workspace; empty for the workspace.")
    location = serializers.CharField(help_text="The folder's absolute path on the server.")
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = FileEntrySerializer(many=True)


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, help_text="Stored under its own name.")
    path = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="The folder to put it in; empty for the workspace.",
    )
    overwrite = serializers.BooleanField(
        required=False, default=False, help_text="Replace a file of the same name (else 409)."
    )


class FolderCreateSerializer(serializers.Serializer):
    path = serializers.CharField(
        help_text="The new folder, relative to the workspace; missing parents are made."
    )


class FileErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    path = serializers.CharField(required=False, help_text="The path the error is about.")
    limit = serializers.IntegerField(required=False, help_text="The upload limit in bytes (413 only).")
    fields = serializers.DictField(required=False, help_text="Invalid request fields and why.")
