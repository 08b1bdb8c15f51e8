"""One exception handler for the whole API: every error is a JSON body ``{"error": "...", ...}``.

Domain errors become 4xx responses; anything unexpected is logged and answered with a bare
500 so no traceback ever reaches a client (after HackSoft's ``api/exception_handlers.py``).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

import piflow
from common.errors import ApplicationError

logger = logging.getLogger(__name__)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's ``EXCEPTION_HANDLER``."""
    if isinstance(exc, ApplicationError):
        return Response({"error": exc.message, **exc.extra}, status=exc.status)
    if isinstance(exc, piflow.UnknownStopError):
        return Response({"error": str(exc), "bundle": exc.bundle}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, piflow.SpecError):
        return Response({"error": str(exc)}, status=status.HTTP_400_BAD_REQUEST)

    exc = _as_drf_exception(exc)
    response = exception_handler(exc, context)
    if response is None:
        view = context.get("view")
        logger.error("Unhandled error in %s", type(view).__name__ if view else "API", exc_info=exc)
        return Response({"error": "Internal server error."}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    response.data = _error_body(response.data)
    return response


def _as_drf_exception(exc: Exception) -> Exception:
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def _error_body(data: Any) -> dict[str, Any]:
    """DRF's ``{"detail": "..."}`` becomes ``{"error": "..."}``; field errors go under ``fields``."""
    if isinstance(data, dict) and set(data) == {"detail"}:
        return {"error": str(data["detail"])}
    return {"error": "Invalid input.", "fields": data}


#: Paths whose callers read JSON: an unknown URL below them gets a JSON 404, not Django's HTML page.
API_PREFIXES = ("/api/", "/flow/", "/stop/", "/group/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """``handler404``: JSON ``{"error": ...}`` under the API's paths, Django's page elsewhere."""
    if request.path.startswith(API_PREFIXES):
        return JsonResponse({"error": f"no such endpoint or object: {request.path}"}, status=404)
    return page_not_found(request, exception or Http404())
