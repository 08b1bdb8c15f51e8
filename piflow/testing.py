"""Helpers for testing stops without building a whole flow."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piflow.registry import default_registry
from piflow.sdk.stop import Inputs, Outputs, Stop, StopContext

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


class StopPropertyError(ValueError):
    """Properties given to ``perform_stop`` did not validate."""


def make_stop(
    stop: str | type[Stop],
    properties: Mapping[str, Any] | None = None,
    customized: Mapping[str, str] | None = None,
) -> Stop:
    """Instantiate a stop (by bundle or class) from raw string properties, as the engine does."""
    cls = default_registry().get(stop) if isinstance(stop, str) else stop
    values, problems = cls.parse_properties(properties or {})
    if problems:
        raise StopPropertyError("; ".join(f"{name}: {msg}" for name, msg in problems.items()))
    return cls(values, customized)


def perform_stop(
    spark: SparkSession,
    stop: str | type[Stop],
    properties: Mapping[str, Any] | None = None,
    inputs: Mapping[str, DataFrame] | None = None,
    *,
    customized: Mapping[str, str] | None = None,
    run_dir: Path | None = None,
    connected: tuple[str, ...] = (),
) -> dict[str, DataFrame]:
    """Run one stop's ``perform`` and return what it wrote, port by port."""
    instance = make_stop(stop, properties, customized)
    outputs = Outputs(connected)
    ctx = StopContext(
        spark=spark,
        run_id=f"test_{uuid.uuid4().hex[:8]}",
        stop_name=type(instance).display_name(),
        run_dir=run_dir or Path("/tmp/piflow-test-runs"),
    )
    instance.perform(Inputs(inputs or {}), outputs, ctx)
    return outputs.frames()
