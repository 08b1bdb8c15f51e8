"""PiFlow's engine: flows as plain data, validation, the runner on PySpark, the stop SDK.

This package never imports Django, DRF, Celery or Channels; the Django apps reach it only
through the names exported here.
"""

from piflow.access import AccessDenied, AccessPolicy
from piflow.registry import (
    DuplicateStopError,
    StopRegistry,
    UnknownStopError,
    build_registry,
    default_registry,
)
from piflow.run_request import RunRequest, parse_piflow, to_piflow
from piflow.runtime.events import PORT_ROWS, RUN_STATE, STOP_STATE, CollectingSink, EventSink, RunEvent, State
from piflow.runtime.runner import CancelToken, RunResult, new_run_id, run_flow
from piflow.runtime.session import SparkSettings, data_dir, get_spark, spark_started
from piflow.runtime.storage import RunNotFoundError, RunStorage
from piflow.sdk import Port, Stop
from piflow.sdk.masking import MASK, mask_secrets, mask_values, restore_values
from piflow.secrets import redact_flow, restore_secrets
from piflow.spec import DEBUG, RUN, ConditionSpec, FlowSpec, GroupSpec, PathSpec, SpecError, StopSpec
from piflow.validation import FlowValidationError, Problem, compile_flow, validate_flow

__all__ = [
    "AccessDenied",
    "AccessPolicy",
    "MASK",
    "mask_secrets",
    "mask_values",
    "restore_values",
    "RunRequest",
    "parse_piflow",
    "to_piflow",
    "redact_flow",
    "restore_secrets",
    "PORT_ROWS",
    "RUN_STATE",
    "STOP_STATE",
    "CancelToken",
    "CollectingSink",
    "EventSink",
    "FlowValidationError",
    "Problem",
    "RunEvent",
    "RunNotFoundError",
    "RunResult",
    "RunStorage",
    "State",
    "compile_flow",
    "new_run_id",
    "run_flow",
    "validate_flow",
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
