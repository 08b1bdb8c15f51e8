"""WhiteNoise for the built UI (``frontend/dist`` at ``/ui/``) and Django's own static files.

Put ``frontend.middleware.StaticFilesMiddleware`` right after ``SecurityMiddleware``. It is
WhiteNoise's middleware with three changes:

* ``frontend/dist`` is served at ``/ui/`` (Vite's ``base``); files under ``/ui/assets/`` carry a
  content hash in their names, so they are cached for good. When the server started before the
  first build, the folder is picked up as soon as it appears.
* Static files are looked up through Django's finders even when ``DEBUG`` is off (unless
  ``WHITENOISE_USE_FINDERS`` says otherwise), so the admin's CSS works without ``collectstatic``.
* A missing ``STATIC_ROOT`` is skipped quietly instead of warned about.

``/ui/`` rather than ``/static/ui/``: the development ``runserver`` answers all of ``/static/``
itself, from the finders, before any middleware runs.
"""

from __future__ import annotations

import os

from django.conf import settings as django_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from frontend.paths import ASSETS_URL, DIST_DIR


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    def __init__(self, get_response=None, settings=django_settings):
        super().__init__(get_response, settings)
        if not hasattr(settings, "WHITENOISE_USE_FINDERS") and not self.use_finders:
            self.use_finders = True
            if not self.autorefresh:
                self.add_files_from_finders()
        self._ui_added = False
        self._add_ui()

    def _add_ui(self) -> None:
        if self.autorefresh or DIST_DIR.is_dir():
            self.add_files(str(DIST_DIR), prefix=ASSETS_URL)
            self._ui_added = True

    def add_files(self, root, prefix=None):
        if not self.autorefresh and not os.path.isdir(root):
            return
        super().add_files(root, prefix=prefix)

    def __call__(self, request):
        if not self._ui_added and request.path_info.startswith(ASSETS_URL):
            self._add_ui()
        return super().__call__(request)

    def immutable_file_test(self, path, url):
        if url.startswith(f"{ASSETS_URL}assets/"):
            return True
        return super().immutable_file_test(path, url)
