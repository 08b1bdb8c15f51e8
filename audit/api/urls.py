"""Route of the audit trail's API."""

from django.urls import path

from audit.api import views

app_name = "audit-api"

urlpatterns = [
    path("api/audit/", views.AuditEventListApi.as_view(), name="event-list"),
]
