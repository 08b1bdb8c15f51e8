"""Routes of the resource API for flows and their runs (the web UI's API)."""

from django.urls import path

from flows.api import views

app_name = "flows-api"

urlpatterns = [
    path("api/flows/", views.FlowListApi.as_view(), name="flow-list"),
    path("api/flows/import/", views.FlowImportApi.as_view(), name="flow-import"),
    path("api/flows/<int:flow_id>/", views.FlowDetailApi.as_view(), name="flow-detail"),
    path("api/flows/<int:flow_id>/run/", views.FlowRunApi.as_view(), name="flow-run"),
    path("api/flows/<int:flow_id>/debug/", views.FlowDebugApi.as_view(), name="flow-debug"),
    path("api/flows/<int:flow_id>/export/", views.FlowExportApi.as_view(), name="flow-export"),
    path("api/processes/", views.ProcessListApi.as_view(), name="process-list"),
    path("api/processes/<str:process_id>/", views.ProcessDetailApi.as_view(), name="process-detail"),
    path("api/processes/<str:process_id>/stop/", views.ProcessStopApi.as_view(), name="process-stop"),
    path("api/processes/<str:process_id>/rerun/", views.ProcessRerunApi.as_view(), name="process-rerun"),
    path("api/processes/<str:process_id>/resume/", views.ProcessResumeApi.as_view(), name="process-resume"),
    path("api/processes/<str:process_id>/log/", views.ProcessLogApi.as_view(), name="process-log"),
    path(
        "api/processes/<str:process_id>/checkpoints/",
        views.ProcessCheckpointsApi.as_view(),
        name="process-checkpoints",
    ),
    path("api/processes/<str:process_id>/debug/", views.ProcessDebugApi.as_view(), name="process-debug"),
]
