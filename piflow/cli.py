"""The command line: ``python -m piflow run|validate|stops|describe``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from piflow.registry import UnknownStopError, default_registry
from piflow.run_request import RunRequest, parse_piflow
from piflow.runtime.events import PORT_ROWS, RUN_STATE, STOP_STATE, RunEvent, State
from piflow.spec import DEBUG, FlowSpec, SpecError
from piflow.validation import FlowValidationError, Problem, validate_flow

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def _read_json(path: str) -> Any:
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(f"not valid JSON: {exc}") from None


def _load_with_request(path: str) -> tuple[FlowSpec, RunRequest]:
    return parse_piflow(_read_json(path))


def _override(request: RunRequest, args: argparse.Namespace) -> RunRequest:
    """The flow file's run request with the command line's ``--debug``, ``--resume``, ``--checkpoint``."""
    mode = DEBUG if args.debug else request.mode
    resume_from = args.resume or request.resume_from
    named = request.load if request.resume_from else request.checkpoints
    if args.checkpoint is not None:
        named = tuple(n.strip() for n in args.checkpoint.split(",") if n.strip())
    if resume_from:
        return RunRequest(mode=mode, resume_from=resume_from, load=named)
    return RunRequest(mode=mode, checkpoints=named)


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    print(f"{len(problems)} problem(s):", file=out)
    for problem in problems:
        print(f"  - {problem}", file=out)


class ProgressPrinter:
    """Prints each stop's state and time as the run goes."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started: dict[str, float] = {}

    def __call__(self, event: RunEvent) -> None:
        if event.kind == STOP_STATE and event.state == State.STARTED:
            self.started[event.stop or ""] = event.time
            print(f"  {event.stop:<24} STARTED", file=self.out, flush=True)
        elif event.kind == STOP_STATE and event.state in (*State.FINISHED, State.SKIPPED):
            took = event.time - self.started.get(event.stop or "", event.time)
            detail = f"  {event.message}" if event.message else ""
            print(f"  {event.stop:<24} {event.state:<9} {took:6.2f} s{detail}", file=self.out, flush=True)
        elif event.kind == PORT_ROWS:
            port = event.port or "default"
            print(f"  {event.stop:<24} rows on {port}: {event.rows}", file=self.out, flush=True)
        elif event.kind == RUN_STATE:
            print(
                f"run {event.run_id}: {event.state}{'  ' + event.message if event.message else ''}",
                file=self.out,
                flush=True,
            )


def cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    from piflow.runtime.runner import run_flow
    from piflow.runtime.storage import RunNotFoundError

    spec, request = _load_with_request(args.flow)
    request = _override(request, args)
    problems = validate_flow(spec.with_environment(), request=request)
    if problems:
        _print_problems(problems, sys.stderr)
        return EXIT_INVALID
    started = time.time()
    try:
        result = run_flow(spec, request, sink=ProgressPrinter(out), debug_rows=args.debug_rows)
    except RunNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"{result.state} in {time.time() - started:.2f} s; run directory {result.run_dir}", file=out)
    if not result.ok:
        print(f"error: {result.error}\nsee {result.run_dir}/run.log", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    spec, request = _load_with_request(args.flow)
    problems = validate_flow(spec.with_environment(), request=request)
    if problems:
        _print_problems(problems, out)
        return EXIT_INVALID
    print("valid", file=out)
    return EXIT_OK


def cmd_stops(args: argparse.Namespace, out: TextIO) -> int:
    for group, stops in default_registry().by_group().items():
        print(f"{group}:", file=out)
        for stop in stops:
            print(f"  {stop.bundle:<44} {stop.summary()}", file=out)
    return EXIT_OK


def cmd_describe(args: argparse.Namespace, out: TextIO) -> int:
    try:
        stop = default_registry().get(args.bundle)
    except UnknownStopError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(json.dumps(stop.descriptor(), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m piflow", description="Run and inspect PiFlow flows.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a flow (PiFlow JSON) on the local SparkSession")
    run.add_argument("flow", help="flow JSON file, or - for standard input")
    run.add_argument("--debug", action="store_true", help="save a sample of the data on every path")
    run.add_argument("--debug-rows", type=int, default=1000, help="rows kept per path in debug mode")
    run.add_argument("--resume", metavar="RUN_ID", help="reuse the checkpoints of an earlier run")
    run.add_argument(
        "--checkpoint",
        metavar="STOPS",
        help="comma-separated stop names to checkpoint "
        "(with --resume: the checkpoints to load; default all of that run's)",
    )
    run.set_defaults(handler=cmd_run)
    validate = sub.add_parser("validate", help="report every problem of a flow without running it")
    validate.add_argument("flow")
    validate.set_defaults(handler=cmd_validate)
    sub.add_parser("stops", help="list the stops, by group").set_defaults(handler=cmd_stops)
    describe = sub.add_parser("describe", help="a stop's ports and properties as JSON")
    describe.add_argument("bundle")
    describe.set_defaults(handler=cmd_describe)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args, out or sys.stdout)
        return status
    except (SpecError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except FlowValidationError as exc:
        _print_problems(exc.problems, sys.stderr)
        return EXIT_INVALID
