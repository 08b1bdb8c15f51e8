"""PiFlow's group API at PiFlow's own paths (no trailing slashes, as PiFlow)."""

from django.urls import path

from groups.api import piflow_views as views

app_name = "piflow_group_api"

urlpatterns = [
    path("group/start", views.GroupStartApi.as_view(), name="group-start"),
    path("group/stop", views.GroupStopApi.as_view(), name="group-stop"),
    path("group/info", views.GroupInfoApi.as_view(), name="group-info"),
    path("group/progress", views.GroupProgressApi.as_view(), name="group-progress"),
]
