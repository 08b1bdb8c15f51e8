"""What a run reports while it goes: run and stop state changes and row counts per port.

The runner hands every event to an ``EventSink`` the caller passes in: a plain callable.
The command line prints them; the server stores them and pushes them over WebSocket.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


class State:
    """Run and stop states, PiFlow's names plus SKIPPED (a stop a resumed run did not need)."""

    INIT = "INIT"
    STARTED = "STARTED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    KILLED = "KILLED"
    SKIPPED = "SKIPPED"

    FINISHED = frozenset({COMPLETED, FAILED, KILLED})
    DONE = frozenset({COMPLETED, SKIPPED})


RUN_STATE = "run_state"
STOP_STATE = "stop_state"
PORT_ROWS = "port_rows"


@dataclass(frozen=True)
class RunEvent:
    """One thing that happened in a run.

    kind     ``run_state`` | ``stop_state`` | ``port_rows``
    state    the new state (run_state, stop_state)
    stop     the stop's name (stop_state, port_rows)
    port     the output port, ``""`` for default (port_rows)
    rows     rows that left the stop on that port (port_rows)
    message  the error of a FAILED run or stop, or why a stop was SKIPPED
    """

    kind: str
    run_id: str
    state: str | None = None
    stop: str | None = None
    port: str | None = None
    rows: int | None = None
    message: str = ""
    time: float = field(default_factory=time.time)

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


EventSink = Callable[[RunEvent], None]


def discard(event: RunEvent) -> None:
    """An event sink that drops everything."""


class CollectingSink:
    """An event sink that keeps every event in a list (tests, the CLI summary)."""

    def __init__(self) -> None:
        self.events: list[RunEvent] = []

    def __call__(self, event: RunEvent) -> None:
        self.events.append(event)

    def states(self, stop: str) -> list[str]:
        return [e.state for e in self.events if e.kind == STOP_STATE and e.stop == stop and e.state]

    def rows(self) -> dict[tuple[str, str], int]:
        return {
            (e.stop or "", e.port or ""): e.rows
            for e in self.events
            if e.kind == PORT_ROWS and e.rows is not None
        }
