"""Routes of the workspace API (``/api/files/``)."""

from django.urls import path

from workspace.api import views

app_name = "workspace"

urlpatterns = [
    path("api/files/", views.FileListApi.as_view(), name="files"),
    path("api/files/upload/", views.FileUploadApi.as_view(), name="file-upload"),
    path("api/files/download/", views.FileDownloadApi.as_view(), name="file-download"),
    path("api/files/folders/", views.FolderCreateApi.as_view(), name="folder-create"),
]
