"""Domain errors a service may raise; the API turns them into JSON 4xx responses."""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A request the domain refuses, with a message for the user.

    ``status`` is the HTTP status the API answers with; ``extra`` is merged into the JSON body.
    """

    status = 400

    def __init__(self, message: str, *, status: int | None = None, extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.extra = dict(extra or {})


class NotFoundError(ApplicationError):
    """The thing asked for does not exist (or the user may not see it)."""

    status = 404


class ConflictError(ApplicationError):
    """A write based on an older state than the stored one (a stale revision), or one that must wait."""

    status = 409
