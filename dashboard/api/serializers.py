"""Response shapes of the dashboard API."""

from __future__ import annotations

from rest_framework import serializers


class DashboardMemorySerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Bytes.")
    used = serializers.IntegerField(help_text="Bytes (total minus available).")
    percent = serializers.FloatField()


class DashboardDiskSerializer(DashboardMemorySerializer):
    path = serializers.CharField(help_text="PIFLOW_DATA_DIR; the numbers are of its file system.")
    used = serializers.IntegerField(help_text="Bytes.")
    free = serializers.IntegerField(help_text="Bytes.")


class DashboardSystemSerializer(serializers.Serializer):
    cpu_percent = serializers.FloatField(help_text="Machine-wide, since the previous dashboard request.")
    cpu_count = serializers.IntegerField()
    memory = DashboardMemorySerializer()
    disk = DashboardDiskSerializer()


class DashboardCountsSerializer(serializers.Serializer):
    """What each app reports; 0 for a kind no installed app counts yet."""

    flows = serializers.IntegerField(default=0)
    groups = serializers.IntegerField(default=0)
    schedules = serializers.IntegerField(default=0)
    datasources = serializers.IntegerField(default=0)
    stops = serializers.IntegerField(default=0, help_text="Stops in the catalogue (built-in and installed).")


class DashboardRunsSerializer(serializers.Serializer):
    INIT = serializers.IntegerField(default=0)
    STARTED = serializers.IntegerField(default=0)
    COMPLETED = serializers.IntegerField(default=0)
    FAILED = serializers.IntegerField(default=0)
    KILLED = serializers.IntegerField(default=0)


class DashboardSerializer(serializers.Serializer):
    system = DashboardSystemSerializer()
    counts = DashboardCountsSerializer()
    runs = DashboardRunsSerializer(help_text="Runs by state.")
