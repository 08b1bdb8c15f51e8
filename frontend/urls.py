"""Routes of the web UI. Include them LAST in ``piflow_site/urls.py``: ``path("", include("frontend.urls"))``.

``home`` is the front page; ``ui`` catches every other path whose first segment is not the
server's (``api/``, ``admin/``, ``stop/``, ``flow/``, ``group/``, ``static/``, ``i18n/``, ``ws/``,
``ui/``, ``media/``), so a mistyped API URL still gets the API's 404 rather than the app's HTML.
Both are public: they serve the app's shell, which holds no data.
"""

from django.urls import path, re_path

from frontend import views
from frontend.paths import SERVER_PREFIXES

_NOT_SERVER = "|".join(SERVER_PREFIXES)

urlpatterns = [
    path("", views.index, name="home"),
    re_path(rf"^(?!(?:{_NOT_SERVER})(?:/|$)).+$", views.index, name="ui"),
]
