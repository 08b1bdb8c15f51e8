"""Reads of a user's workspace: a folder's entries, a file to download."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common.errors import ApplicationError, NotFoundError
from workspace.paths import WorkspacePath, workspace_path


@dataclass(frozen=True)
class Entry:
    """A file or folder of the workspace, as the API shows it."""

    name: str
    path: str
    is_dir: bool
    size: int | None
    modified: datetime
    location: str

    @classmethod
    def of(cls, where: WorkspacePath, status: os.stat_result) -> Entry:
        is_dir = stat.S_ISDIR(status.st_mode)
        return cls(
            name=where.parts[-1] if where.parts else "",
            path=where.relative,
            is_dir=is_dir,
            size=None if is_dir else status.st_size,
            modified=datetime.fromtimestamp(status.st_mtime, tz=UTC),
            location=str(where.location),
        )


@dataclass(frozen=True)
class Folder:
    """A folder's own place and its entries, folders first, then by name."""

    path: str
    location: str
    entries: list[Entry]


def _existing(where: WorkspacePath) -> Path:
    real = where.real()
    if not real.exists():
        raise NotFoundError(f"there is no {where.shown} in your workspace", extra={"path": where.relative})
    return real


def entry_get(*, where: WorkspacePath) -> Entry:
    """The entry at ``where``; 404 when it is not there."""
    return Entry.of(where, _existing(where).stat())


def folder_list(*, user: Any, path: str) -> Folder:
    """The entries of the folder ``path`` of ``user``'s workspace; a symlink leading out is left out."""
    where = workspace_path(user, path)
    real = _existing(where)
    if not real.is_dir():
        raise ApplicationError(f"{where.shown} is a file, not a folder", extra={"path": where.relative})
    entries = []
    with os.scandir(real) as found:
        for item in found:
            child = where.child(item.name)
            try:
                child.real()
                entries.append(Entry.of(child, item.stat()))
            except (ApplicationError, OSError):
                continue  # leads out of the workspace, or vanished or dangling meanwhile
    entries.sort(key=lambda entry: (not entry.is_dir, entry.name.casefold(), entry.name))
    return Folder(path=where.relative, location=str(where.location), entries=entries)


def file_for_download(*, user: Any, path: str) -> Path:
    """The file ``path`` of ``user``'s workspace, resolved; 404 when missing, 400 for a folder."""
    where = workspace_path(user, path)
    if not where.parts:
        raise ApplicationError("give the path of a file to download")
    real = _existing(where)
    if not real.is_file():
        raise ApplicationError(f"{where.shown} is a folder, not a file", extra={"path": where.relative})
    return real
