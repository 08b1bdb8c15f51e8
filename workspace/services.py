"""Writes to a user's workspace: upload a file, make a folder, delete a file or folder.

Every write checks its path first (``workspace.paths``) and touches nothing on a refusal. An
upload is written beside the workspaces first and moved into place whole, so a half-sent file
never appears under its name.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from common.errors import ApplicationError, ConflictError, NotFoundError
from workspace.paths import WorkspacePath, check_new_name, workspace_path
from workspace.selectors import Entry, entry_get

#: Folder (beside the users' workspaces, in the data dir) where uploads are written before they
#: are moved into place: the same file system, so the move is atomic.
STAGING = ".uploading"


def _failed(action: str, where: WorkspacePath, exc: OSError) -> ApplicationError:
    """An OSError as a 400 saying what failed, without the server's paths."""
    return ApplicationError(
        f"could not {action} {where.shown}: {exc.strerror or type(exc).__name__}",
        extra={"path": where.relative},
    )


def _folder(where: WorkspacePath) -> Path:
    real = where.real()
    if not real.exists():
        raise NotFoundError(
            f"there is no folder {where.shown} in your workspace", extra={"path": where.relative}
        )
    if not real.is_dir():
        raise ApplicationError(f"{where.shown} is a file, not a folder", extra={"path": where.relative})
    return real


def file_upload(*, user: Any, folder: str, upload: UploadedFile, overwrite: bool = False) -> Entry:
    """Store ``upload`` in ``folder`` of ``user``'s workspace under its own name.

    409 when a file of that name is there and ``overwrite`` is false, or a folder is.
    """
    name = os.path.basename(upload.name or "")
    check_new_name(name)
    parent = workspace_path(user, folder)
    where = parent.child(name)
    target = _folder(parent) / name
    if target.is_symlink() or target.is_dir():
        raise ConflictError(
            f"{where.shown} is a folder or a link; choose another name", extra={"path": where.relative}
        )
    if target.exists() and not overwrite:
        raise ConflictError(f"{where.shown} already exists", extra={"path": where.relative, "exists": True})
    try:
        staged = _staged_copy(upload, parent.root.parent / STAGING)
    except OSError as exc:
        raise _failed("store", where, exc) from None
    try:
        os.replace(staged, target)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise _failed("store", where, exc) from None
    return entry_get(where=where)


def _staged_copy(upload: UploadedFile, staging: Path) -> Path:
    """``upload`` written to a new file in ``staging`` (removed again when writing fails)."""
    staging.mkdir(exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=staging, prefix="upload-")
    try:
        with os.fdopen(descriptor, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        os.chmod(name, 0o644)  # mkstemp's 0600 would hide it from a worker running as another user
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def folder_create(*, user: Any, path: str) -> Entry:
    """Make folder ``path`` (and the folders above it that are missing); 409 when it exists."""
    where = workspace_path(user, path)
    if not where.parts:
        raise ApplicationError("give the path of the new folder, like 'data/2024'", extra={"path": ""})
    real = where.real()
    if os.path.lexists(real):
        raise ConflictError(f"{where.shown} already exists", extra={"path": where.relative, "exists": True})
    for depth, name in enumerate(where.parts, 1):
        if not os.path.lexists(WorkspacePath(where.root, where.parts[:depth]).real()):
            check_new_name(name)  # only the folders made now: Spark may have named the others
    try:
        real.mkdir(parents=True)
    except FileExistsError:
        raise ConflictError(f"{where.shown} already exists", extra={"path": where.relative}) from None
    except OSError as exc:
        raise _failed("make", where, exc) from None
    return entry_get(where=where)


def entry_delete(*, user: Any, path: str, recursive: bool = False) -> None:
    """Delete file or folder ``path``: a folder only when empty, unless ``recursive``.

    A symbolic link is removed itself, never what it points to.
    """
    where = workspace_path(user, path)
    if not where.parts:
        raise ApplicationError("you cannot delete your workspace itself", extra={"path": ""})
    target = where.parent().real() / where.parts[-1]
    if not os.path.lexists(target):
        raise NotFoundError(f"there is no {where.shown} in your workspace", extra={"path": where.relative})
    try:
        if target.is_symlink() or not target.is_dir():
            target.unlink()
        elif recursive:
            shutil.rmtree(target)
        else:
            target.rmdir()
    except OSError as exc:
        if target.is_dir() and any(target.iterdir()):
            raise ConflictError(
                f"the folder {where.shown} is not empty; delete it with recursive=true",
                extra={"path": where.relative, "not_empty": True},
            ) from None
        raise _failed("delete", where, exc) from None
