"""PiFlow's engine: flows as plain data, validation, the runner on PySpark, the stop SDK.

This package never imports Django, DRF, Celery or Channels; the Django apps reach it only
through the names exported here.
"""

from piflow.registry import (
    DuplicateStopError,
    StopRegistry,
    UnknownStopError,
    build_registry,
    default_registry,
)
from piflow.runtime.session import SparkSettings, data_dir, get_spark, spark_started
from piflow.sdk import Port, Stop
from piflow.spec import DEBUG, RUN, ConditionSpec, FlowSpec, GroupSpec, PathSpec, SpecError, StopSpec

__all__ = [
    "DEBUG",
    "RUN",
    "ConditionSpec",
    "DuplicateStopError",
    "FlowSpec",
    "GroupSpec",
    "PathSpec",
    "Port",
    "SparkSettings",
    "SpecError",
    "Stop",
    "StopRegistry",
    "StopSpec",
    "UnknownStopError",
    "build_registry",
    "data_dir",
    "default_registry",
    "get_spark",
    "spark_started",
]
