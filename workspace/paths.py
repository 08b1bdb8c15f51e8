"""Paths inside a user's workspace: parsed, normalised, and never leading out of it.

A path arrives relative to the workspace (``sub/dir/data.csv``; empty for the workspace itself).
It is refused, with a 400 saying why, when it is absolute, climbs with ``..``, holds a NUL, or
leads out through a symbolic link. A name a user gives to a new file or folder must also be one
Spark reads as itself: no wildcard or escape characters, which would make its location a glob.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from access.selectors import workspace_dir
from common.errors import ApplicationError

#: Characters a new name may not hold: Spark would read its location as a glob ({}[]*?\) or a
#: URI scheme (:), so the location copied from the Files page would not name the file.
UNSAFE_NAME_CHARACTERS = "{}[]*?\\:"
#: The longest name most file systems take, in bytes of UTF-8.
MAX_NAME_BYTES = 255


@dataclass(frozen=True)
class WorkspacePath:
    """A path in ``root`` (the user's workspace, resolved): ``parts`` below it, none for the root."""

    root: Path
    parts: tuple[str, ...]

    @property
    def relative(self) -> str:
        """The path as the API shows it: ``sub/dir/data.csv``, ``""`` for the workspace."""
        return "/".join(self.parts)

    @property
    def shown(self) -> str:
        """The path in messages."""
        return f"'{self.relative}'" if self.parts else "your workspace"

    @property
    def location(self) -> Path:
        """The absolute path to type into a stop's path property."""
        return self.root.joinpath(*self.parts)

    def child(self, name: str) -> WorkspacePath:
        return WorkspacePath(self.root, (*self.parts, name))

    def parent(self) -> WorkspacePath:
        return WorkspacePath(self.root, self.parts[:-1])

    def real(self) -> Path:
        """The path with symlinks resolved; a 400 when they lead out of the workspace."""
        real = Path(os.path.realpath(self.location))
        if real != self.root and self.root not in real.parents:
            raise ApplicationError(
                f"{self.shown} leads out of your workspace through a symbolic link",
                extra={"path": self.relative},
            )
        return real


def workspace_path(user: Any, text: str | None) -> WorkspacePath:
    """``text`` (relative to ``user``'s workspace) parsed and normalised; a 400 naming what is wrong."""
    text = (text or "").strip()
    if "\x00" in text:
        raise ApplicationError("the path contains a NUL character")
    if text.startswith(("/", "\\")):
        raise ApplicationError(
            f"the path {text!r} is absolute; give it relative to your workspace, like 'data/in.csv'",
            extra={"path": text},
        )
    parts = tuple(part for part in text.split("/") if part not in ("", "."))
    if ".." in parts:
        raise ApplicationError(f"the path {text!r} may not climb out with '..'", extra={"path": text})
    for part in parts:
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            raise ApplicationError(
                f"the name {part[:40]!r}... is longer than {MAX_NAME_BYTES} bytes", extra={"path": text}
            )
    return WorkspacePath(workspace_dir(user), parts)


def check_new_name(name: str) -> None:
    """Refuse (400) a name for a new file or folder that is blank, special, or not Spark-safe."""
    if not name.strip():
        raise ApplicationError("the name is empty")
    if name in (".", "..") or "/" in name or "\x00" in name:
        raise ApplicationError(f"{name!r} is not a name for a file or folder")
    if name != name.strip():
        raise ApplicationError(f"the name {name!r} starts or ends with a space")
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise ApplicationError(f"the name {name!r} holds a control character")
    unsafe = sorted({char for char in name if char in UNSAFE_NAME_CHARACTERS})
    if unsafe:
        raise ApplicationError(
            f"the name {name!r} holds {' '.join(unsafe)}, which Spark would read as a pattern; "
            "rename it without them",
            extra={"name": name},
        )
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        raise ApplicationError(f"the name is longer than {MAX_NAME_BYTES} bytes", extra={"name": name[:80]})
