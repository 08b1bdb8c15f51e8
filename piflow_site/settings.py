"""Placeholder settings; replaced by the full settings module."""
SECRET_KEY = "dev-only"
INSTALLED_APPS = []
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
