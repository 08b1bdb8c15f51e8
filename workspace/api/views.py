"""``/api/files/``: the user's own workspace. Parse, call a selector or service, serialize.

Every path is relative to the asking user's workspace; an admin gets their own too, so nobody
reaches another user's files through this API.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.pagination import PAGE_PARAMETERS, Pagination
from common.api.parsing import parse
from common.errors import ApplicationError
from workspace import selectors, services
from workspace.api import serializers
from workspace.uploads import limit_uploads

_TAGS = ["files"]
_ERROR = serializers.FileErrorSerializer
_PATH = "A path relative to your workspace, like 'data/in.csv'."


def _path_parameter(required: bool, description: str = _PATH) -> OpenApiParameter:
    return OpenApiParameter("path", str, required=required, description=description)


def _flag(request: Request, name: str) -> bool:
    """Query parameter ``name`` as a boolean (absent: false); a 400 for anything but true/false."""
    text = request.query_params.get(name, "").strip().lower()
    if text in ("", "false", "0", "no"):
        return False
    if text in ("true", "1", "yes"):
        return True
    raise ApplicationError(f"{name} must be true or false, not {text!r}")


def _required_path(request: Request) -> str:
    path = request.query_params.get("path", "")
    if not path.strip():
        raise ApplicationError(
            "the path query parameter is required", extra={"fields": {"path": ["required"]}}
        )
    return path


class FileListApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="files_list",
        parameters=[_path_parameter(False, "The folder to list; empty for the workspace."), *PAGE_PARAMETERS],
        responses={200: serializers.FolderPageSerializer, 400: _ERROR, 404: _ERROR},
    )
    def get(self, request: Request) -> Response:
        """A folder of your workspace: folders first, then files, by name; each with its location."""
        folder = selectors.folder_list(user=request.user, path=request.query_params.get("path", ""))
        paginator = Pagination()
        page = paginator.paginate_queryset(folder.entries, request, view=self)
        response = paginator.get_paginated_response(serializers.FileEntrySerializer(page, many=True).data)
        response.data = {"path": folder.path, "location": folder.location, **response.data}
        return response

    @extend_schema(
        tags=_TAGS,
        operation_id="files_delete",
        parameters=[
            _path_parameter(True, "The file or folder to delete."),
            OpenApiParameter("recursive", bool, description="Delete a folder with everything in it."),
        ],
        responses={204: None, 400: _ERROR, 404: _ERROR, 409: _ERROR},
    )
    def delete(self, request: Request) -> Response:
        """Delete a file, an empty folder, or (``recursive=true``) a folder and all it holds."""
        services.entry_delete(
            user=request.user, path=_required_path(request), recursive=_flag(request, "recursive")
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class FileUploadApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        limit_uploads(request._request)  # before authentication: a session's CSRF check reads the body
        super().initial(request, *args, **kwargs)

    @extend_schema(
        tags=_TAGS,
        operation_id="files_upload",
        request={"multipart/form-data": serializers.FileUploadSerializer},
        responses={201: serializers.FileEntrySerializer, 400: _ERROR, 404: _ERROR, 409: _ERROR, 413: _ERROR},
    )
    def post(self, request: Request) -> Response:
        """Upload a file into a folder of your workspace (``PIFLOW_UPLOAD_MAX_BYTES`` at most: else 413)."""
        data = parse(serializers.FileUploadSerializer, request.data)
        entry = services.file_upload(
            user=request.user, folder=data["path"], upload=data["file"], overwrite=data["overwrite"]
        )
        return Response(serializers.FileEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class FileDownloadApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="files_download",
        parameters=[_path_parameter(True, "The file to download.")],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
            400: _ERROR,
            404: _ERROR,
        },
    )
    def get(self, request: Request) -> FileResponse:
        """A file of your workspace, as an attachment."""
        path = selectors.file_for_download(user=request.user, path=_required_path(request))
        return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)


class FolderCreateApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="files_folder_create",
        request=serializers.FolderCreateSerializer,
        responses={201: serializers.FileEntrySerializer, 400: _ERROR, 409: _ERROR},
    )
    def post(self, request: Request) -> Response:
        """Make a folder in your workspace (and the folders above it that are missing)."""
        data = parse(serializers.FolderCreateSerializer, request.data)
        entry = services.folder_create(user=request.user, path=data["path"])
        return Response(serializers.FileEntrySerializer(entry).data, status=status.HTTP_201_CREATED)
