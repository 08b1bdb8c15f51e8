"""The runner: a validated flow, executed on the process's warm SparkSession.

Stops run in dependency order. A stop's outputs are lazy DataFrames; each output port is
wrapped in a Spark ``Observation`` that counts the rows crossing it during whatever action
runs downstream, so counting adds no extra pass. Outputs read by more than one path are
persisted so they are computed once. Every Spark job of a run carries the run's job tag, so
``CancelToken.cancel()`` from another thread interrupts exactly that run's jobs.
"""

from __future__ import annotations

import json
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piflow.access import AccessDenied, AccessPolicy
from piflow.access_checks import access_refusals
from piflow.registry import StopRegistry
from piflow.run_request import RunRequest
from piflow.runtime.events import PORT_ROWS, RUN_STATE, STOP_STATE, EventSink, RunEvent, State, discard
from piflow.runtime.logs import RunLog
from piflow.runtime.session import data_dir as default_data_dir
from piflow.runtime.session import get_spark
from piflow.runtime.sql_guard import guard_stop
from piflow.runtime.storage import RunNotFoundError, RunStorage
from piflow.sdk.ports import port_dirname
from piflow.sdk.stop import Inputs, Outputs, StopContext
from piflow.secrets import secret_values
from piflow.spec import FlowSpec
from piflow.validation import CompiledFlow, CompiledStop, compile_flow

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, Observation, SparkSession


class RunKilled(Exception):
    """The run was cancelled."""


class CancelToken:
    """Cancels a run from any thread: sets a flag and interrupts the run's Spark jobs."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._callbacks.append(callback)
            fire = self._event.is_set()
        if fire:
            callback()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()


def new_run_id() -> str:
    return f"run_{time.strftime('%Y%m%d%H%M%S')}_{uuid.uuid4().hex[:8]}"


@dataclass
class StopResult:
    state: str = State.INIT
    start_time: float | None = None
    end_time: float | None = None
    rows: dict[str, int] = field(default_factory=dict)
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "startTime": self.start_time,
            "endTime": self.end_time,
            "rows": self.rows,
            "error": self.error,
        }


@dataclass
class RunResult:
    """How a run ended: its state, each stop's state and times, rows per port, the error."""

    run_id: str
    state: str
    stops: dict[str, StopResult]
    start_time: float
    end_time: float
    error: str = ""
    run_dir: Path | None = None

    @property
    def ok(self) -> bool:
        return self.state == State.COMPLETED

    def to_dict(self) -> dict[str, Any]:
        return {
            "runId": self.run_id,
            "state": self.state,
            "error": self.error,
            "startTime": self.start_time,
            "endTime": self.end_time,
            "stops": {n: s.to_dict() for n, s in self.stops.items()},
        }


@dataclass
class _PortData:
    raw: DataFrame
    df: DataFrame
    observation: Observation | None


class FlowRun:
    """One execution of a compiled flow. Use ``run_flow``; this holds the run's state."""

    def __init__(
        self,
        flow: CompiledFlow,
        *,
        spark: SparkSession,
        run_id: str,
        data_dir: Path,
        sink: EventSink,
        cancel: CancelToken,
        request: RunRequest,
        debug_rows: int,
        policy: AccessPolicy,
    ) -> None:
        self.flow = flow
        self.request = request
        self.policy = policy
        self.spark = spark
        self.run_id = run_id
        self.data_dir = data_dir
        self.storage = RunStorage.of(run_id, data_dir)
        self.sink = sink
        self.cancel = cancel
        self.debug = request.debug
        self.debug_rows = debug_rows
        self.tag = f"piflow-{run_id}"
        self.results = {name: StopResult() for name in flow.order}
        self.ports: dict[tuple[str, str], _PortData] = {}
        self.persisted: list[DataFrame] = []
        self.reported: set[tuple[str, str]] = set()
        self.finished = threading.Event()
        self.log = RunLog(run_id, self.storage.log_path, flow.sensitive_values() | secret_values(flow.spec))
        self.flow_log = self.log.for_stop("flow")

    # -- events ------------------------------------------------------------------------------
    def emit(self, kind: str, **fields: Any) -> None:
        try:
            self.sink(RunEvent(kind=kind, run_id=self.run_id, **fields))
        except Exception:  # a broken sink must not break the run
            self.flow_log.exception("event sink failed")

    def set_stop_state(self, name: str, state: str, message: str = "") -> None:
        result = self.results[name]
        result.state = state
        now = time.time()
        if state == State.STARTED:
            result.start_time = now
        elif state in State.FINISHED or state == State.SKIPPED:
            result.end_time = now
            result.error = message if state == State.FAILED else result.error
        self.emit(STOP_STATE, stop=name, state=state, message=message)

    def report_rows(self) -> None:
        """Emit row counts for every port whose observation has been filled by an action."""
        for (stop, port), data in self.ports.items():
            if (stop, port) in self.reported or data.observation is None:
                continue
            if not _observed(data.observation):
                continue
            rows = int(data.observation.get.get("rows", 0))
            self.reported.add((stop, port))
            self.results[stop].rows[port] = rows
            self.emit(PORT_ROWS, stop=stop, port=port, rows=rows)

    # -- planning ----------------------------------------------------------------------------
    def checkpoint_sources(self) -> dict[str, RunStorage]:
        """Stops to load from an earlier run's checkpoints instead of performing them."""
        parent_id = self.request.resume_from
        if not parent_id:
            return {}
        parent = RunStorage.of(parent_id, self.data_dir)
        if not parent.exists():
            raise RunNotFoundError(f"run {parent_id!r} to resume from does not exist")
        names = self.request.load or tuple(n for n in parent.checkpoints() if n in self.flow.stops)
        for name in names:
            parent.checkpoint_ports(name)  # raises with a clear message when missing
        return {name: parent for name in names}

    def needed_stops(self, loaded: set[str]) -> set[str]:
        """Stops that must run or load: sinks, and everything a running stop reads from."""
        needed: set[str] = set()
        for name in reversed(self.flow.order):
            stop = self.flow.stops[name]
            readers = {p.to_stop for p in stop.outgoing}
            if not readers or any(r in needed and r not in loaded for r in readers):
                needed.add(name)
        return needed

    # -- executing ---------------------------------------------------------------------------
    def run(self) -> RunResult:
        start = time.time()
        sc = self.spark.sparkContext
        sc.addJobTag(self.tag)
        sc.setInterruptOnCancel(True)
        self.cancel.on_cancel(lambda: self.start_reaper(sc))
        self.emit(RUN_STATE, state=State.STARTED)
        self.flow_log.info(
            "run %s of flow %r started (%d stops%s)",
            self.run_id,
            self.flow.spec.name,
            len(self.flow.order),
            ", debug" if self.debug else "",
        )
        for name in self.flow.order:
            self.emit(STOP_STATE, stop=name, state=State.INIT)
        state, error = State.COMPLETED, ""
        current: str | None = None
        try:
            loaded = self.checkpoint_sources()
            needed = self.needed_stops(set(loaded))
            for name in self.flow.order:
                if self.cancel.cancelled:
                    raise RunKilled()
                if name not in needed:
                    self.set_stop_state(name, State.SKIPPED, "only needed by stops loaded from checkpoints")
                    continue
                current = name
                self.set_stop_state(name, State.STARTED)
                if name in loaded:
                    self.load_checkpoint(self.flow.stops[name], loaded[name])
                else:
                    self.perform(self.flow.stops[name])
                if self.cancel.cancelled:
                    raise RunKilled()
                self.report_rows()
                self.set_stop_state(name, State.COMPLETED)
                current = None
            if self.debug:
                self.finish_debug()
        except Exception as exc:
            state, error = self.fail(exc, current)
        finally:
            self.finished.set()
            self.cleanup(sc)
        self.report_rows()
        result = RunResult(self.run_id, state, self.results, start, time.time(), error, self.storage.root)
        self.storage.summary_path.write_text(json.dumps(result.to_dict(), indent=1))
        self.flow_log.info("run %s %s in %.2f s", self.run_id, state.lower(), result.end_time - start)
        self.emit(RUN_STATE, state=state, message=error)
        self.log.close()
        return result

    def start_reaper(self, sc: Any) -> None:
        """Cancel the run's Spark jobs now and any it starts until it ends (a stop may start more)."""

        def reap() -> None:
            while not self.finished.is_set():
                sc.cancelJobsWithTag(self.tag)
                self.finished.wait(0.5)

        threading.Thread(target=reap, name=f"{self.tag}-reaper", daemon=True).start()

    def fail(self, exc: BaseException, current: str | None) -> tuple[str, str]:
        if self.cancel.cancelled or isinstance(exc, RunKilled):
            for name, result in self.results.items():
                if result.state == State.STARTED:
                    self.set_stop_state(name, State.KILLED)
            self.flow_log.warning("run %s killed", self.run_id)
            return State.KILLED, "the run was stopped"
        message = f"{type(exc).__name__}: {_first_line(exc)}"
        if current is not None:
            self.log.for_stop(current).error(
                "stop %r failed: %s\n%s", current, message, traceback.format_exc()
            )
            self.set_stop_state(current, State.FAILED, message)
            return State.FAILED, f"stop {current!r} failed: {message}"
        self.flow_log.error("run failed: %s\n%s", message, traceback.format_exc())
        return State.FAILED, message

    def inputs_of(self, stop: CompiledStop) -> Inputs:
        frames = {}
        for path in stop.incoming:
            data = self.ports.get((path.from_stop, path.outport))
            if data is None:
                raise RuntimeError(
                    f"{path.from_stop!r} wrote nothing on port {port_dirname(path.outport)!r} "
                    f"that {stop.name!r} reads"
                )
            frames[path.inport] = data.df
        return Inputs(frames)

    def check_access(self, stop: CompiledStop) -> None:
        """Refuse, right before it performs, anything of ``stop`` its owner may not reach now.

        Validation checked the same before the run; checking again here means a path whose
        symlink was swapped since, or a grant revoked since, loses.
        """
        for prop, why in access_refusals(stop.cls, stop.instance._values, self.policy):
            raise AccessDenied(f"{prop}: {why}")
        if not self.policy.unrestricted:  # SQL needs Spark's parser, so only the worker checks it
            guard_stop(self.spark, stop, self.policy)

    def perform(self, stop: CompiledStop) -> None:
        self.check_access(stop)
        outputs = Outputs(tuple(dict.fromkeys(p.outport for p in stop.outgoing)))
        ctx = StopContext(
            spark=self.spark,
            run_id=self.run_id,
            stop_name=stop.name,
            run_dir=self.storage.root,
            policy=self.policy,
            log=self.log.for_stop(stop.name),
        )
        stop.instance.perform(self.inputs_of(stop), outputs, ctx)
        checkpoint = stop.name in self.request.checkpoints
        readers: dict[str, int] = {}
        for path in stop.outgoing:
            readers[path.outport] = readers.get(path.outport, 0) + 1
        shared = _shared_frames(outputs.frames(), readers)
        for port, raw in outputs.frames().items():
            if port not in readers and not checkpoint:
                # no path leaves this port: nothing to count, sample or share
                self.ports[(stop.name, port)] = _PortData(raw=raw, df=raw, observation=None)
                continue
            df, observation = self.observe(raw)
            if checkpoint:
                df = self.write_checkpoint(stop.name, port, df)
            elif id(raw) in shared:
                df = df.persist()
                self.persisted.append(df)
            self.ports[(stop.name, port)] = _PortData(raw=raw, df=df, observation=observation)
            if self.debug:
                self.save_debug_sample(stop.name, port, raw)
        if checkpoint:
            (self.storage.root / "checkpoints" / stop.name / "_COMPLETE").touch()

    @staticmethod
    def observe(df: DataFrame) -> tuple[DataFrame, Observation]:
        """``df`` with a row counter that fills during whichever action reads it first."""
        from pyspark.sql import Observation
        from pyspark.sql import functions as F

        observation = Observation(f"piflow_{uuid.uuid4().hex}")
        return df.observe(observation, F.count(F.lit(1)).alias("rows")), observation

    def write_checkpoint(self, stop: str, port: str, df: DataFrame) -> DataFrame:
        target = self.storage.checkpoint_dir(stop, port)
        df.write.mode("overwrite").parquet(str(target))
        self.log.for_stop(stop).info("checkpoint of port %s written to %s", port_dirname(port), target)
        return self.spark.read.parquet(str(target))

    def load_checkpoint(self, stop: CompiledStop, parent: RunStorage) -> None:
        for port, directory in parent.checkpoint_ports(stop.name).items():
            raw = self.spark.read.parquet(str(directory))
            df, observation = self.observe(raw)
            self.ports[(stop.name, port)] = _PortData(raw=raw, df=df, observation=observation)
            if self.debug:
                self.save_debug_sample(stop.name, port, raw)
        target = self.storage.root / "checkpoints" / stop.name
        target.mkdir(parents=True, exist_ok=True)
        (target / "_SOURCE").write_text(parent.run_id)
        self.log.for_stop(stop.name).info("loaded from the checkpoint of run %s", parent.run_id)

    def save_debug_sample(self, stop: str, port: str, raw: DataFrame) -> None:
        """Keep the schema and up to ``debug_rows`` rows of a port; the raw frame keeps counts honest."""
        target = self.storage.debug_dir(stop, port)
        target.mkdir(parents=True, exist_ok=True)
        from pyspark.sql import functions as F

        sample = raw.limit(self.debug_rows).select(F.to_json(F.struct("*")).alias("j"))
        lines = [row.j for row in sample.collect()] if self.debug_rows else []
        (target / "rows.jsonl").write_text("".join(line + "\n" for line in lines))
        meta = {
            "stop": stop,
            "port": port,
            "schema": raw.schema.jsonValue(),
            "columns": raw.columns,
            "sampled": len(lines),
            "rows": None,
        }
        (target / "meta.json").write_text(json.dumps(meta))

    def finish_debug(self) -> None:
        """Record each debugged port's row count (counting ports no action ever read)."""
        self.report_rows()
        for (stop, port), data in self.ports.items():
            meta_path = self.storage.debug_dir(stop, port) / "meta.json"
            if not meta_path.exists():
                continue
            rows = self.results[stop].rows.get(port)
            if rows is None:
                rows = data.raw.count()
                self.results[stop].rows[port] = rows
                self.reported.add((stop, port))
                self.emit(PORT_ROWS, stop=stop, port=port, rows=rows)
            meta = json.loads(meta_path.read_text())
            meta["rows"] = rows
            meta_path.write_text(json.dumps(meta))

    def cleanup(self, sc: Any) -> None:
        for df in self.persisted:
            df.unpersist()
        sc.removeJobTag(self.tag)


def _shared_frames(frames: dict[str, DataFrame], readers: dict[str, int]) -> set[int]:
    """ids of DataFrames read by more than one path (Fork writes one frame to many ports)."""
    counts: dict[int, int] = {}
    for port, df in frames.items():
        counts[id(df)] = counts.get(id(df), 0) + readers.get(port, 0)
    return {key for key, count in counts.items() if count > 1}


def _observed(observation: Observation) -> bool:
    """Whether an action has filled ``observation`` (reading it before would block until one does)."""
    java = observation._jo
    return java is not None and bool(java.future().isCompleted())


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:500]


def run_flow(
    spec: FlowSpec,
    request: RunRequest | None = None,
    *,
    spark: SparkSession | None = None,
    registry: StopRegistry | None = None,
    run_id: str | None = None,
    data_dir: Path | None = None,
    sink: EventSink = discard,
    cancel: CancelToken | None = None,
    debug_rows: int = 1000,
    policy: AccessPolicy | None = None,
) -> RunResult:
    """Validate ``spec`` run as ``request`` (raising FlowValidationError before any Spark work) and run it.

    The request (default: a plain RUN) says the mode, which stops to checkpoint, and whether to
    resume: a request naming an earlier run in ``resume_from`` loads the stops named in ``load``
    (all that run's checkpoints when empty) from that run and skips what only they needed.
    ``policy`` is what the flow's owner may reach (default: everything, as for an admin); it is
    checked before the run and again before each stop performs.
    """
    request = request or RunRequest()
    policy = policy or AccessPolicy.admin()
    compiled = compile_flow(spec.with_environment(), registry, request, policy)
    run = FlowRun(
        compiled,
        spark=spark or get_spark(),
        run_id=run_id or new_run_id(),
        data_dir=data_dir or default_data_dir(),
        sink=sink,
        cancel=cancel or CancelToken(),
        request=request,
        debug_rows=debug_rows,
        policy=policy,
    )
    return run.run()
