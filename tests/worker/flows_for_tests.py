"""Flows and small helpers shared by the worker tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import piflow

T = TypeVar("T")


def stop(name: str, bundle: str, **properties: str) -> dict:
    return {"name": name, "bundle": bundle, "properties": properties}


def path(a: str, b: str) -> dict:
    return {"from": a, "outport": "", "inport": "", "to": b}


def small_flow(out: Path, rows: int = 1000) -> piflow.FlowSpec:
    """MockData -> Filter -> CsvSave: a second or two on a warm worker."""
    return piflow.FlowSpec.from_dict(
        {
            "flow": {
                "name": "small",
                "stops": [
                    stop(
                        "Mock",
                        "piflow.stops.common.MockData",
                        schema="id:Int,name:String",
                        count=str(rows),
                        seed="7",
                    ),
                    stop("Filter", "piflow.stops.common.Filter", condition="id < 50"),
                    stop("Save", "piflow.stops.csv.CsvSave", csvSavePath=str(out), saveMode="overwrite"),
                ],
                "paths": [path("Mock", "Filter"), path("Filter", "Save")],
            }
        }
    )


def endless_flow(out: Path) -> piflow.FlowSpec:
    """A cross join of 400 000 rows with themselves (1.6e11 pairs): runs far longer than any test.

    The streamed side comes through a shuffle, whose reader Spark interrupts when a job is
    cancelled. (Without it the join would read straight from the row counter the engine puts on
    every output, ``Dataset.observe``, whose iterator Spark does not interrupt: the job is
    cancelled but its tasks compute on until their partition ends.)
    """
    sql = (
        "SELECT count(*) AS n FROM (SELECT x FROM temp DISTRIBUTE BY x) a CROSS JOIN temp b "
        "WHERE a.x + b.x = 7"
    )
    return piflow.FlowSpec.from_dict(
        {
            "flow": {
                "name": "endless",
                "stops": [
                    stop("Mock", "piflow.stops.common.MockData", schema="x:Int", count="400000", seed="1"),
                    stop("Join", "piflow.stops.common.ExecuteSQL", sql=sql),
                    stop("Save", "piflow.stops.csv.CsvSave", csvSavePath=str(out), saveMode="overwrite"),
                ],
                "paths": [path("Mock", "Join"), path("Join", "Save")],
            }
        }
    )


def wait_for(check: Callable[[], T], *, timeout: float, interval: float = 0.1, what: str = "") -> T:
    """Call ``check`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s waiting for {what or check}")
        time.sleep(interval)
