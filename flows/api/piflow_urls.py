"""PiFlow's flow API at PiFlow's own paths (no trailing slashes, as PiFlow).

Included from ``piflow_site/urls.py`` with ``path("", include("flows.api.piflow_urls"))``.
"""

from django.urls import path

from flows.api import piflow_views as views

app_name = "piflow_api"

urlpatterns = [
    path("flow/start", views.FlowStartApi.as_view(), name="flow-start"),
    path("flow/stop", views.FlowStopApi.as_view(), name="flow-stop"),
    path("flow/info", views.FlowInfoApi.as_view(), name="flow-info"),
    path("flow/progress", views.FlowProgressApi.as_view(), name="flow-progress"),
    path("flow/log", views.FlowLogApi.as_view(), name="flow-log"),
    path("flow/checkpoints", views.FlowCheckpointsApi.as_view(), name="flow-checkpoints"),
    path("flow/debugData", views.FlowDebugDataApi.as_view(), name="flow-debug-data"),
]
