"""A run's files as the APIs serve them: its log paged by byte offset, its checkpoints, its debug samples.

The engine's ``piflow.RunStorage`` knows where the files are; this module turns them into pages
and turns "not there" into a 404 (``NotFoundError``) with a message the caller chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import piflow
from common.errors import NotFoundError

#: The most of a run's log one page holds.
LOG_PAGE_BYTES = 1 << 20


def run_storage(
    run_id: str, *, message: str | None = None, extra: dict[str, Any] | None = None
) -> piflow.RunStorage:
    """The files of run ``run_id``; NotFoundError (``message``, or the engine's reason) for an impossible id."""
    try:
        return piflow.RunStorage.of(run_id)
    except piflow.RunNotFoundError as exc:
        raise NotFoundError(message or str(exc), extra=extra) from None


@dataclass(frozen=True)
class LogPage:
    """Part of a run's log: ``text`` starts at byte ``offset``; read on from ``next_offset``."""

    text: str
    offset: int
    next_offset: int
    more: bool


def utf8_prefix_length(data: bytes) -> int:
    """How many leading bytes of ``data`` hold whole UTF-8 characters (a cut never splits one)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 != 0x80:  # an ASCII byte or the lead byte of a sequence
            need = 1 if byte < 0x80 else 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) if need <= back else len(data) - back
    return len(data)


def log_page(storage: piflow.RunStorage, offset: int = 0, limit: int | None = None) -> LogPage:
    """Up to ``limit`` bytes (``LOG_PAGE_BYTES``) of the run's log from byte ``offset``, ending on a whole character.

    A multi-byte character at the page's edge is left for the next page, so pages joined give
    the log exactly; a page always holds at least one character, so following the pages ends. An offset past the end gives an empty page at the end.
    """
    limit = LOG_PAGE_BYTES if limit is None else limit
    path = storage.log_path
    size = path.stat().st_size if path.exists() else 0
    start = min(max(offset, 0), size)
    data = b""
    if start < size and limit > 0:
        with path.open("rb") as handle:
            handle.seek(start)
            data = handle.read(limit)
            if data and utf8_prefix_length(data) == 0:  # smaller than its first character: take that one
                data += handle.read(4 - len(data))
    cut = utf8_prefix_length(data)  # a character still being written at the end waits for the next page
    end = start + cut
    return LogPage(
        text=data[:cut].decode("utf-8", errors="replace"), offset=start, next_offset=end, more=end < size
    )


@dataclass(frozen=True)
class DebugPage:
    """A page of the rows a debug run sampled on one stop's port, with the port's schema and counts."""

    stop: str
    port: str
    directory: str
    schema: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    offset: int
    limit: int
    #: rows kept in the sample
    sampled: int
    #: rows that left the stop on the port in the run (None until known)
    total_rows: int | None


def debug_page(
    storage: piflow.RunStorage, *, stop: str, port: str = "", offset: int = 0, limit: int = 100
) -> DebugPage:
    """The sampled rows on ``stop``'s ``port``; NotFoundError listing the ports that have some when it has none."""
    try:
        meta = storage.debug_meta(stop, port)
        rows = storage.debug_rows(stop, port, offset=offset, limit=limit)
        directory = storage.debug_dir(stop, port)
    except (piflow.RunNotFoundError, OSError, ValueError) as exc:
        available = [{"stop": s, "port": p} for s, p in storage.debug_paths()]
        raise NotFoundError(str(exc), extra={"available": available}) from None
    return DebugPage(
        stop=stop,
        port=meta.get("port", port),
        directory=str(directory),
        schema=meta.get("schema") or {},
        columns=meta.get("columns") or [],
        rows=rows,
        offset=offset,
        limit=limit,
        sampled=int(meta.get("sampled", len(rows)) or 0),
        total_rows=meta.get("rows"),
    )
