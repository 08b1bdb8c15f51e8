"""Routes of the stops app: PiFlow's ``/stop/*`` paths (kept verbatim) and ``/api/stops/``."""

from django.urls import path

from stops.api import views

app_name = "stops"

urlpatterns = [
    path("stop/groups", views.PiflowStopGroupsApi.as_view(), name="piflow-groups"),
    path("stop/list", views.PiflowStopListApi.as_view(), name="piflow-list"),
    path("stop/listWithGroup", views.PiflowStopListWithGroupApi.as_view(), name="piflow-list-with-group"),
    path("stop/info", views.PiflowStopInfoApi.as_view(), name="piflow-info"),
    path("api/stops/", views.StopListApi.as_view(), name="list"),
    path("api/stops/groups/", views.StopGroupListApi.as_view(), name="groups"),  # before <bundle>
    path("api/stops/<str:bundle>/", views.StopDetailApi.as_view(), name="detail"),
]
