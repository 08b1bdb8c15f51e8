"""Django settings, read from the environment (see README.md, "Configuration").

Each integration (database, secret key, Celery, Channels and cache, Spark) lives in its own
module under ``piflow_site/integrations``; this file only wires them together.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from piflow_site.env import env_bool, env_list
from piflow_site.integrations.celery import celery_settings, lease_seconds
from piflow_site.integrations.channels import caches, channel_layers
from piflow_site.integrations.database import database_config
from piflow_site.integrations.security import secret_key
from piflow_site.integrations.spark import spark_settings

# -- core -------------------------------------------------------------------------------------
BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = env_bool("DJANGO_DEBUG")

_engine = spark_settings(os.environ)
PIFLOW_DATA_DIR = _engine["PIFLOW_DATA_DIR"]
PIFLOW_SPARK_MASTER = _engine["PIFLOW_SPARK_MASTER"]

SECRET_KEY = secret_key(environ=os.environ, debug=DEBUG, data_dir=PIFLOW_DATA_DIR)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=("localhost", "127.0.0.1", "[::1]") if DEBUG else ())
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",  # first: its runserver replaces Django's with the ASGI server
    "modeltranslation",  # before admin, so translated fields show in the admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI / Redoc served from static files: the docs work offline
    "django_celery_beat",
    "channels",
    "accounts",
    "access",
    "workspace",
    "audit",
    "dashboard",
    "flows",
    "groups",
    "stops",
    "templates_app",
    "datasources",
    "schedules",
    "stopshub",
    "frontend",  # the web UI: serves frontend/dist (see frontend/urls.py, frontend/middleware.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "common.security_headers.SecurityHeadersMiddleware",  # CSP, X-Frame-Options: before WhiteNoise
    "frontend.middleware.StaticFilesMiddleware",  # WhiteNoise: the built UI at /ui/, static files
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "piflow_site.urls"
ASGI_APPLICATION = "piflow_site.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"), data_dir=PIFLOW_DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# -- security (HTTPS deployments set DJANGO_SECURE=1) --------------------------------------------
_SECURE = env_bool("DJANGO_SECURE", default=False)
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SECURE_SSL_REDIRECT = _SECURE
SECURE_HSTS_SECONDS = 3600 if _SECURE else 0
if env_bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
#: Sent on every response (common.security_headers); no inline scripts anywhere, inline styles for
#: the code editor, the canvas and the admin. connect-src also gets the host's ws:// and wss://.
PIFLOW_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# -- accounts: registration, login limits, API tokens -------------------------------------------
#: Whether anyone may create an account ("0" closes registration: admins add users).
PIFLOW_OPEN_REGISTRATION = env_bool("PIFLOW_OPEN_REGISTRATION", default=True)
#: Login attempts per account (and password changes per user), as DRF rates: "10/min", "100/hour".
PIFLOW_LOGIN_RATE = os.environ.get("PIFLOW_LOGIN_RATE", "10/min")
#: Login attempts, and registrations, per client address (looser: one office may share an address).
PIFLOW_LOGIN_RATE_PER_ADDRESS = os.environ.get("PIFLOW_LOGIN_RATE_PER_ADDRESS", "30/min")
#: An API token unused for this many days stops working.
PIFLOW_TOKEN_IDLE_DAYS = int(os.environ.get("PIFLOW_TOKEN_IDLE_DAYS", "30"))

# -- languages: English and Simplified Chinese -------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "piflow_site" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")

STATIC_URL = "static/"
STATIC_ROOT = PIFLOW_DATA_DIR / "static"

# -- REST API -----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first, so an anonymous API caller gets 401 with a WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # enforces CSRF on writes
    ],
    # Throttles count by REMOTE_ADDR, or the proxy's X-Forwarded-For entry: never one a client picks.
    "NUM_PROXIES": 1 if env_bool("DJANGO_BEHIND_PROXY", default=False) else 0,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "common.api.exceptions.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PiFlow API",
    "DESCRIPTION": "Big-data pipelines (ETL) on Apache Spark.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Like every endpoint but login and registration, the schema and its docs need a login.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # PiFlow sends booleans as the strings "true"/"false"; name that choice set once.
    "ENUM_NAME_OVERRIDES": {"PiflowFlagEnum": ["true", "false"]},
    # Swagger UI and Redoc from drf-spectacular-sidecar's static files, not a CDN: /api/docs/ works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# -- what non-admin users' flows may reach (admins grant more in the admin: access.Grant) -------------
#: Folders every user's flows may read and write, besides their own workspace (comma-separated).
PIFLOW_USER_FILE_ROOTS = env_list("PIFLOW_USER_FILE_ROOTS")
#: Hosts every user's flows may connect to (names, addresses, *.domain, CIDR; optionally :port).
PIFLOW_ALLOWED_HOSTS_FOR_USERS = env_list("PIFLOW_ALLOWED_HOSTS_FOR_USERS")
#: The largest file one upload into a workspace may bring, in bytes (workspace app; default 100 MiB).
PIFLOW_UPLOAD_MAX_BYTES = int(os.environ.get("PIFLOW_UPLOAD_MAX_BYTES", "").strip() or 100 * 1024 * 1024)

# -- Redis-or-embedded integrations ---------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "").strip() or None
CACHES = caches(REDIS_URL)
CHANNEL_LAYERS = channel_layers(REDIS_URL)
# CELERY_BROKER_URL, CELERY_RESULT_BACKEND, ... (read by piflow_site.celery with namespace "CELERY")
globals().update(celery_settings(redis_url=REDIS_URL, data_dir=PIFLOW_DATA_DIR, time_zone=TIME_ZONE))
#: How long a worker's claim on a run lasts without a heartbeat (README, "Workers").
PIFLOW_LEASE_SECONDS = lease_seconds(os.environ)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"py4j": {"level": "WARNING"}},
}
