"""Top-level URLs: admin, API schema and docs, language switch, then each app's routes.

Public (no login): the web UI's shell (``home`` and ``ui``; it holds no data), the API schema and
its Swagger UI (they describe the API and hold no data), the language switch, Django admin's login
page, and ``/api/auth/register``, ``/api/auth/login`` and ``/api/auth/config``. Everything else
refuses anonymous callers (``tests/api/test_routes.py`` walks every route to check).
"""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

#: An unknown URL under the API's paths is a JSON 404.
handler404 = "common.api.exceptions.not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: the CSP allows no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("accounts.api.urls")),
    path("", include("dashboard.api.urls")),
    path("", include("audit.api.urls")),
    path("", include("stops.urls")),
    path("", include("flows.api.urls")),
    path("", include("flows.api.piflow_urls")),
    path("", include("groups.api.piflow_urls")),
    path("", include("workspace.api.urls")),
    # Last: the web UI's front page ("home") and its catch-all for client-side routes ("ui").
    path("", include("frontend.urls")),
]
