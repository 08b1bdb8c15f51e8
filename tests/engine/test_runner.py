"""The runner on the real, shared SparkSession."""

import threading
import time

import pytest

from piflow import FlowSpec, RunRequest, get_spark
from piflow.runtime.events import PORT_ROWS, RUN_STATE, STOP_STATE, CollectingSink, State
from piflow.runtime.runner import CancelToken, run_flow
from piflow.runtime.storage import RunNotFoundError, RunStorage
from piflow.validation import FlowValidationError

from .stops_for_tests import Tapped, registry

REG = registry()


def flow(stops, paths=(), **extra):
    return FlowSpec.from_dict({"flow": {"name": "f", "stops": list(stops), "paths": list(paths), **extra}})


def stop(name, bundle, **props):
    return {"name": name, "bundle": bundle, "properties": props}


def path(a, b, outport="", inport=""):
    return {"from": a, "to": b, "outport": outport, "inport": inport}


def run(spec, **kw):
    sink = CollectingSink()
    return run_flow(spec, registry=REG, sink=sink, **kw), sink


def test_a_flow_runs_in_order_and_reports_rows_per_port(spark, tmp_path):
    # given
    spec = flow(
        [
            stop("N", "tests.Numbers", count="10"),
            stop("F", "piflow.stops.common.Filter", condition="n >= 4"),
            stop("S", "tests.SaveParquet", path=str(tmp_path / "out")),
        ],
        [path("N", "F"), path("F", "S")],
    )

    # when
    result, sink = run(spec)

    # then
    assert result.state == State.COMPLETED, result.error
    assert sorted(r.n for r in spark.read.parquet(str(tmp_path / "out")).collect()) == [4, 5, 6, 7, 8, 9]
    assert sink.states("N") == ["INIT", "STARTED", "COMPLETED"]
    started = [e.stop for e in sink.events if e.kind == STOP_STATE and e.state == "STARTED"]
    assert started == ["N", "F", "S"]
    assert sink.rows()[("N", "")] == 10 and sink.rows()[("F", "")] == 6
    assert [e.state for e in sink.events if e.kind == RUN_STATE] == ["STARTED", "COMPLETED"]
    assert result.stops["F"].rows == {"": 6}
    assert result.stops["S"].start_time <= result.stops["S"].end_time


def test_an_output_read_by_two_stops_is_computed_once(spark, tmp_path):
    # given: Tapped counts every row it computes; two sinks read it
    spec = flow(
        [
            stop("N", "tests.Numbers", count="50"),
            stop("T", "tests.Tapped"),
            stop("A", "tests.SaveParquet", path=str(tmp_path / "a")),
            stop("B", "tests.SaveParquet", path=str(tmp_path / "b")),
        ],
        [path("N", "T"), path("T", "A"), path("T", "B")],
    )

    # when
    result, sink = run(spec)

    # then
    assert result.ok, result.error
    assert Tapped.accumulator.value == 50
    assert spark.read.parquet(str(tmp_path / "b")).count() == 50


def test_a_failing_stop_fails_the_flow_with_its_name_and_traceback(tmp_path):
    # given
    spec = flow(
        [
            stop("N", "tests.Numbers"),
            stop("Bad", "tests.Boom", message="disk on fire"),
            stop("S", "tests.SaveParquet", path=str(tmp_path / "never")),
        ],
        [path("N", "Bad"), path("Bad", "S")],
    )

    # when
    result, sink = run(spec)

    # then
    assert result.state == State.FAILED
    assert result.error == "stop 'Bad' failed: ValueError: disk on fire"
    assert sink.states("Bad") == ["INIT", "STARTED", "FAILED"]
    assert sink.states("S") == ["INIT"]
    log = RunStorage.of(result.run_id).read_log()
    assert "Traceback" in log and "disk on fire" in log and "[Bad]" in log
    assert not (tmp_path / "never").exists()


def test_cancel_from_another_thread_kills_the_run_and_its_spark_jobs(spark):
    # given: a job that would run 40 seconds (80 rows, 1 s each, 2 partitions)
    spec = flow(
        [stop("N", "tests.Numbers", count="80"), stop("Slow", "tests.SlowCount", seconds="1")],
        [path("N", "Slow")],
    )
    token = CancelToken()
    sink = CollectingSink()

    def cancel_when_started():
        while "STARTED" not in sink.states("Slow"):
            time.sleep(0.05)
        time.sleep(2)
        token.cancel()

    threading.Thread(target=cancel_when_started, daemon=True).start()

    # when
    began = time.time()
    result = run_flow(spec, registry=REG, sink=sink, cancel=token)
    took = time.time() - began

    # then
    assert result.state == State.KILLED
    assert sink.states("Slow")[-1] == "KILLED"
    assert took < 40, "the job ran to its end instead of being interrupted"
    deadline = time.time() + 5
    while spark.sparkContext.statusTracker().getActiveJobsIds() and time.time() < deadline:
        time.sleep(0.1)
    assert spark.sparkContext.statusTracker().getActiveJobsIds() == []


def test_debug_mode_keeps_schema_sample_and_count_for_every_path(tmp_path):
    # given
    spec = flow(
        [
            stop("N", "tests.Numbers", count="30"),
            stop("D", "tests.Double"),
            stop("S", "tests.SaveParquet", path=str(tmp_path / "d")),
        ],
        [path("N", "D"), path("D", "S")],
    )

    # when
    result, _ = run(spec, request=RunRequest(mode="DEBUG"), debug_rows=5)

    # then
    assert result.ok, result.error
    storage = RunStorage.of(result.run_id)
    meta = storage.debug_meta("D", "")
    assert meta["columns"] == ["n"] and meta["rows"] == 30 and meta["sampled"] == 5
    assert storage.debug_rows("D", "", offset=1, limit=2) == [{"n": 2}, {"n": 4}]
    assert ("N", "") in storage.debug_paths()


def test_resume_from_a_checkpoint_skips_what_only_it_needed(spark, tmp_path):
    # given: a first run that checkpoints D
    stops = [
        stop("N", "tests.Numbers", count="8"),
        stop("D", "tests.Double"),
        stop("S", "tests.SaveParquet", path=str(tmp_path / "out")),
    ]
    paths = [path("N", "D"), path("D", "S")]
    first, _ = run(flow(stops, paths), request=RunRequest(checkpoints=("D",)))
    assert first.ok, first.error
    assert RunStorage.of(first.run_id).checkpoints() == ["D"]

    # when: the second run resumes from it
    second, sink = run(flow(stops, paths), request=RunRequest(resume_from=first.run_id, load=("D",)))

    # then
    assert second.ok, second.error
    assert sink.states("N") == ["INIT", "SKIPPED"]
    assert sink.states("D") == ["INIT", "STARTED", "COMPLETED"]
    assert sorted(r.n for r in spark.read.parquet(str(tmp_path / "out")).collect()) == [
        0,
        2,
        4,
        6,
        8,
        10,
        12,
        14,
    ]
    assert "loaded from the checkpoint of run " + first.run_id in RunStorage.of(second.run_id).read_log()


def test_resume_from_a_run_without_that_checkpoint_is_a_clear_error():
    first, _ = run(flow([stop("N", "tests.Numbers")]))
    second, _ = run(
        flow([stop("N", "tests.Numbers")]), request=RunRequest(resume_from=first.run_id, load=("N",))
    )
    assert second.state == State.FAILED
    assert f"run {first.run_id!r} has no checkpoint for stop 'N'" in second.error
    with pytest.raises(RunNotFoundError):
        RunStorage.of("../etc")


def test_sensitive_values_never_reach_the_run_log(tmp_path):
    spec = flow(
        [
            stop("N", "tests.Numbers"),
            stop("S", "tests.SaveParquet", path=str(tmp_path / "s"), password="hunter2-secret"),
        ],
        [path("N", "S")],
    )
    result, _ = run(spec)
    log = RunStorage.of(result.run_id).read_log()
    assert result.ok and "with password ******" in log and "hunter2-secret" not in log


def test_invalid_flows_fail_before_any_spark_work():
    with pytest.raises(FlowValidationError) as error:
        run_flow(flow([stop("D", "tests.Double")]), registry=REG)
    assert [p.stop for p in error.value.problems] == ["D"]


def test_every_run_reuses_the_one_warm_session(spark):
    # given a session that already ran flows
    jvm_context = spark.sparkContext._jsc

    # when
    result, _ = run(flow([stop("N", "tests.Numbers")]))

    # then
    assert result.ok
    assert get_spark() is spark and get_spark().sparkContext._jsc is jvm_context


def test_row_counts_arrive_as_port_rows_events_with_named_ports(tmp_path):
    spec = flow(
        [
            stop("N", "tests.Numbers", count="7"),
            stop("T", "tests.TwoOut"),
            stop("E", "tests.SaveParquet", path=str(tmp_path / "e")),
            stop("O", "tests.SaveParquet", path=str(tmp_path / "o")),
        ],
        [path("N", "T"), path("T", "E", outport="even"), path("T", "O", outport="odd")],
    )
    result, sink = run(spec)
    assert result.ok, result.error
    assert sink.rows()[("T", "even")] == 4 and sink.rows()[("T", "odd")] == 3
    assert all(e.kind != PORT_ROWS or e.rows is not None for e in sink.events)
