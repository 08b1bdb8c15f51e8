"""Settings for the test suite: the real settings, with a throwaway data dir and secret key.

pytest-django imports settings before any conftest runs, so the environment the settings
read is prepared here rather than in ``tests/conftest.py``.
"""

import os
import secrets
import tempfile

os.environ.setdefault("PIFLOW_DATA_DIR", tempfile.mkdtemp(prefix="piflow-test-"))
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))

from piflow_site.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only

# Rate-limit history (DRF throttles) stays in this process, never in a Redis others share: a
# fixture of tests/conftest.py clears it before each test, so tests never throttle one another.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "piflow-tests"}}
