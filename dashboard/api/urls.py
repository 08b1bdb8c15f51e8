"""Routes of the dashboard API."""

from django.urls import path

from dashboard.api import views

app_name = "dashboard"

urlpatterns = [
    path("api/dashboard/", views.DashboardApi.as_view(), name="dashboard"),
]
