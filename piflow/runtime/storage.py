"""Where a run keeps its files: log, checkpoints, debug samples, summary.

Layout under ``<data dir>/runs/<run id>/``::

    run.log                                 the run's log
    summary.json                            final state, per-stop states and row counts
    checkpoints/<stop>/<port|default>/      Parquet, one directory per output port
    debug/<stop>/<port|default>/rows.jsonl  a sample of the rows on that port
    debug/<stop>/<port|default>/meta.json   schema, column names, row count
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from piflow.runtime.session import data_dir as default_data_dir
from piflow.sdk.ports import normalize_port, port_dirname

_RUN_ID = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")


class RunNotFoundError(LookupError):
    """No run directory, checkpoint or debug data for what was asked."""


def _safe(name: str, what: str) -> str:
    """Reject names that would escape the run directory."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise RunNotFoundError(f"invalid {what} {name!r}")
    return name


@dataclass(frozen=True)
class RunStorage:
    """The files of one run."""

    run_id: str
    root: Path

    @classmethod
    def of(cls, run_id: str, data_dir: Path | None = None) -> RunStorage:
        if not _RUN_ID.match(run_id or ""):
            raise RunNotFoundError(f"invalid run id {run_id!r}")
        return cls(run_id=run_id, root=(data_dir or default_data_dir()) / "runs" / run_id)

    @property
    def log_path(self) -> Path:
        return self.root / "run.log"

    @property
    def summary_path(self) -> Path:
        return self.root / "summary.json"

    def exists(self) -> bool:
        return self.root.is_dir()

    def delete(self, data_dir: Path | None = None) -> bool:
        """Remove the run's directory (log, summary, checkpoints, debug samples); False if it had none.

        Only a real directory directly inside ``<data dir>/runs`` and named by this run's id is
        removed. Anything else (a root elsewhere, ``.``/``..``, a symlink) raises ValueError and
        nothing is touched.
        """
        runs = ((data_dir or default_data_dir()) / "runs").resolve()
        if not _RUN_ID.match(self.run_id or "") or self.root.is_symlink():
            raise ValueError(f"refusing to delete {self.root}: not a run directory under {runs}")
        target = self.root.resolve()
        if target.parent != runs or target.name != self.run_id:
            raise ValueError(f"refusing to delete {self.root}: not a run directory under {runs}")
        if not target.exists():
            return False
        if not target.is_dir():
            raise ValueError(f"refusing to delete {target}: not a directory")
        shutil.rmtree(target)
        return True

    def checkpoint_dir(self, stop: str, port: str = "") -> Path:
        return self.root / "checkpoints" / _safe(stop, "stop name") / port_dirname(normalize_port(port))

    def debug_dir(self, stop: str, port: str = "") -> Path:
        return self.root / "debug" / _safe(stop, "stop name") / port_dirname(normalize_port(port))

    def checkpoints(self) -> list[str]:
        """Names of the stops checkpointed in this run (complete ones only)."""
        base = self.root / "checkpoints"
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if (p / "_COMPLETE").exists())

    def checkpoint_ports(self, stop: str) -> dict[str, Path]:
        """Port name -> Parquet directory of a checkpointed stop."""
        base = self.root / "checkpoints" / _safe(stop, "stop name")
        if not (base / "_COMPLETE").exists():
            raise RunNotFoundError(f"run {self.run_id!r} has no checkpoint for stop {stop!r}")
        return {normalize_port(p.name): p for p in sorted(base.iterdir()) if p.is_dir()}

    def read_log(self, offset: int = 0, limit: int | None = None) -> str:
        if not self.log_path.exists():
            return ""
        with self.log_path.open("rb") as handle:
            handle.seek(max(offset, 0))
            return handle.read(limit or -1).decode("utf-8", errors="replace")

    def summary(self) -> dict[str, Any] | None:
        if not self.summary_path.exists():
            return None
        summary: dict[str, Any] = json.loads(self.summary_path.read_text())
        return summary

    def debug_meta(self, stop: str, port: str = "") -> dict[str, Any]:
        meta = self.debug_dir(stop, port) / "meta.json"
        if not meta.exists():
            raise RunNotFoundError(
                f"run {self.run_id!r} has no debug data for stop {stop!r} port {port or 'default'!r}"
            )
        data: dict[str, Any] = json.loads(meta.read_text())
        return data

    def debug_rows(
        self, stop: str, port: str = "", offset: int = 0, limit: int = 100
    ) -> list[dict[str, Any]]:
        """A page of the sampled rows that left ``stop`` on ``port``."""
        self.debug_meta(stop, port)
        rows: list[dict[str, Any]] = []
        with (self.debug_dir(stop, port) / "rows.jsonl").open() as handle:
            for index, line in enumerate(handle):
                if index < offset:
                    continue
                if len(rows) >= limit:
                    break
                rows.append(json.loads(line))
        return rows

    def debug_paths(self) -> list[tuple[str, str]]:
        """(stop, port) pairs that have debug data."""
        base = self.root / "debug"
        if not base.is_dir():
            return []
        return sorted(
            (stop.name, normalize_port(port.name))
            for stop in base.iterdir()
            for port in stop.iterdir()
            if (port / "meta.json").exists()
        )
