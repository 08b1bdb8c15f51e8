"""What to run a flow as: a value apart from the flow itself.

A flow (``FlowSpec``) says what the stops and paths are. A run request says how one run of it
goes: its mode (RUN, or DEBUG to keep a sample of the data on every path), which stops' output
it writes as checkpoints, and which earlier run it resumes from with which of that run's
checkpoints. PiFlow's flow JSON mixes both into one object, where ``checkpoint`` means "stops
to checkpoint" or "checkpoints to load" depending on ``checkpointParentProcessId``;
``from_piflow`` and ``to_piflow`` translate at that edge so nothing inside has to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from piflow.sdk.properties import _as_text
from piflow.spec import DEBUG, RUN, FlowSpec, SpecError, _names, _require_mapping

MODES = (RUN, DEBUG)


@dataclass(frozen=True)
class RunRequest:
    """How one run of a flow goes.

    ``checkpoints``: stops whose output this run writes as Parquet checkpoints.
    ``resume_from``: the id of an earlier run whose checkpoints this run loads instead of
    performing those stops (``""``: a fresh run). ``load``: which of that run's checkpoints to
    load; empty means every checkpoint it has of a stop of this flow.
    """

    mode: str = RUN
    checkpoints: tuple[str, ...] = ()
    resume_from: str = ""
    load: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise SpecError(f"runMode must be RUN or DEBUG, not {self.mode!r}")
        if self.load and not self.resume_from:
            raise SpecError("checkpoints to load need a run to resume from")

    @property
    def debug(self) -> bool:
        return self.mode == DEBUG

    @property
    def resumes(self) -> bool:
        return bool(self.resume_from)

    @classmethod
    def from_piflow(cls, data: Mapping[str, Any]) -> RunRequest:
        """The request PiFlow's flow JSON (``{"flow": {...}}`` or the inner object) carries.

        ``runMode`` may also stand beside the ``flow`` object, as some PiFlow clients send it.
        """
        data = _require_mapping(data, "the flow")
        outer_mode = data.get("runMode") if "flow" in data else None
        inner = _require_mapping(data["flow"], "'flow'") if "flow" in data else data
        mode = _as_text(inner.get("runMode") or outer_mode or RUN).strip().upper()
        named = _names(inner.get("checkpoint"))
        resume_from = _as_text(inner.get("checkpointParentProcessId")).strip()
        if resume_from:
            return cls(mode=mode, resume_from=resume_from, load=named)
        return cls(mode=mode, checkpoints=named)

    def to_piflow(self) -> dict[str, Any]:
        """The keys PiFlow's flow object spells this request with."""
        fields: dict[str, Any] = {"runMode": self.mode}
        named = self.load if self.resume_from else self.checkpoints
        if named:
            fields["checkpoint"] = ",".join(named)
        if self.resume_from:
            fields["checkpointParentProcessId"] = self.resume_from
        return fields


def parse_piflow(data: Mapping[str, Any]) -> tuple[FlowSpec, RunRequest]:
    """PiFlow's flow JSON as the flow and the request to run it with."""
    return FlowSpec.from_dict(data), RunRequest.from_piflow(data)


def to_piflow(spec: FlowSpec, request: RunRequest | None = None) -> dict[str, Any]:
    """PiFlow's flow JSON of ``spec`` run as ``request`` (``parse_piflow``'s inverse)."""
    data = spec.to_dict()
    if request is not None:
        data["flow"].update(request.to_piflow())
    return data
