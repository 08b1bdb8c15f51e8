"""The single-page app's shell: ``dist/index.html`` for every UI route, or a 503 page before a build."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe

from frontend.paths import BUILD_COMMAND, INDEX_HTML


@require_safe
@never_cache  # a new build renames the assets; the shell must never be stale
@ensure_csrf_cookie  # the app reads the ``csrftoken`` cookie for its POST/PUT/PATCH/DELETE calls
def index(request: HttpRequest) -> HttpResponse:
    """Any UI URL (``/``, ``/flows``, ``/processes/<id>/log`` ...): the client-side router takes over.

    Public on purpose: the shell holds no data (it is the login page too); every API call it makes
    is checked on its own.
    """
    try:
        html = INDEX_HTML.read_bytes()
    except FileNotFoundError:
        return render(request, "frontend/not_built.html", {"command": BUILD_COMMAND}, status=503)
    return HttpResponse(html, content_type="text/html; charset=utf-8")
