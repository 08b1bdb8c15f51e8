"""The catch-all route of the web UI. Include it LAST in ``piflow_site/urls.py``.

It matches every path whose first segment is not the server's (``api/``, ``admin/``, ``stop/``,
``flow/``, ``group/``, ``static/``, ``i18n/``, ``ws/``, ``ui/``, ``media/``), so a mistyped API URL
still gets the API's 404 rather than the app's HTML.
"""

from django.urls import re_path

from frontend import views
from frontend.paths import SERVER_PREFIXES

app_name = "frontend"

_NOT_SERVER = "|".join(SERVER_PREFIXES)

urlpatterns = [
    re_path(rf"^(?!(?:{_NOT_SERVER})(?:/|$)).*$", views.index, name="index"),
]
