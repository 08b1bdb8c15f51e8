"""Upload size: refused with a 413 as soon as a request or a file is known to be too large.

``limit_uploads(request)`` puts ``SizeLimitedUploadHandler`` before Django's own handlers; it
must run before anything reads the body (a session login's CSRF check reads it).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest
from rest_framework import status

from common.errors import ApplicationError

#: Room for the multipart boundaries and the form's other fields, over the file itself.
MULTIPART_ALLOWANCE = 64 * 1024


def upload_limit() -> int:
    """The largest file one upload may bring, in bytes (``PIFLOW_UPLOAD_MAX_BYTES``)."""
    return int(settings.PIFLOW_UPLOAD_MAX_BYTES)


def _readable(size: int) -> str:
    """``100 MiB``, ``512 KiB``, ``1000 bytes``."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


class UploadTooLarge(ApplicationError):
    status = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"the file is larger than the upload limit of {_readable(limit)}", extra={"limit": limit}
        )


class SizeLimitedUploadHandler(FileUploadHandler):
    """Counts the bytes of each uploaded file and stops the upload once it passes the limit."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit = upload_limit()

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        if content_length and content_length > self.limit + MULTIPART_ALLOWANCE:
            raise UploadTooLarge(self.limit)
        return None

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            raise UploadTooLarge(self.limit)
        return raw_data  # the next handler stores it

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file


def limit_uploads(request: HttpRequest) -> None:
    """Make ``request``'s upload stop at the size limit (before its body is read)."""
    request.upload_handlers.insert(0, SizeLimitedUploadHandler(request))
