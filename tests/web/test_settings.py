"""The settings helpers: database URL, secret key, Redis-or-embedded integrations."""

from __future__ import annotations

import os
import stat

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from piflow_site.env import env_bool, env_list
from piflow_site.integrations.celery import celery_settings
from piflow_site.integrations.channels import caches, channel_layers
from piflow_site.integrations.database import database_config
from piflow_site.integrations.security import secret_key


def test_database_url_picks_postgresql(tmp_path):
    # when
    config = database_config("postgres://piflow:secret@db.example:5433/piflow", data_dir=tmp_path)

    # then
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("piflow", "piflow", "secret")
    assert (config["HOST"], config["PORT"]) == ("db.example", 5433)
    assert config["CONN_MAX_AGE"] == 600


def test_no_database_url_means_sqlite_in_the_data_dir(tmp_path):
    # when
    config = database_config(None, data_dir=tmp_path)
    blank = database_config("  ", data_dir=tmp_path)

    # then
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")
    assert blank == config


def test_the_running_settings_follow_database_url():
    # given: the suite runs on whatever DATABASE_URL says (PostgreSQL in CI)
    url = os.environ.get("DATABASE_URL", "")

    # then
    expected = "django.db.backends.postgresql" if url.startswith("postgres") else "django.db.backends.sqlite3"
    assert settings.DATABASES["default"]["ENGINE"] == expected


def test_secret_key_comes_from_the_environment(tmp_path):
    # when
    key = secret_key(environ={"DJANGO_SECRET_KEY": "k" * 50}, debug=False, data_dir=tmp_path)

    # then
    assert key == "k" * 50
    assert not (tmp_path / "secret_key").exists()


def test_no_secret_key_outside_debug_refuses_to_start(tmp_path):
    # when / then
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        secret_key(environ={}, debug=False, data_dir=tmp_path)
    with pytest.raises(ImproperlyConfigured):
        secret_key(environ={"DJANGO_SECRET_KEY": "   "}, debug=False, data_dir=tmp_path)
    assert not (tmp_path / "secret_key").exists()


def test_debug_generates_a_private_key_file_once(tmp_path):
    # when
    first = secret_key(environ={}, debug=True, data_dir=tmp_path)
    second = secret_key(environ={}, debug=True, data_dir=tmp_path)

    # then
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key").read_text() == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_debug_keys_differ_between_data_dirs(tmp_path):
    # when
    one = secret_key(environ={}, debug=True, data_dir=tmp_path / "a")
    two = secret_key(environ={}, debug=True, data_dir=tmp_path / "b")

    # then
    assert one != two


def test_without_redis_celery_uses_an_embedded_sqlite_broker(tmp_path):
    # when
    config = celery_settings(redis_url=None, data_dir=tmp_path, time_zone="UTC")

    # then
    assert config["CELERY_BROKER_URL"] == f"sqla+sqlite:///{tmp_path}/celery-broker.sqlite"
    assert config["CELERY_BEAT_SCHEDULER"] == "django_celery_beat.schedulers:DatabaseScheduler"


def test_redis_url_drives_celery_channels_and_cache(tmp_path):
    # given
    url = "redis://127.0.0.1:6379/3"

    # when
    celery = celery_settings(redis_url=url, data_dir=tmp_path, time_zone="UTC")
    layers = channel_layers(url)
    cache = caches(url)

    # then
    assert celery["CELERY_BROKER_URL"] == url
    assert celery["CELERY_RESULT_BACKEND"] == url
    assert layers["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"
    assert [host["address"] for host in layers["default"]["CONFIG"]["hosts"]] == [url]
    assert cache["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


def test_without_redis_channels_stay_in_memory():
    # when
    layers = channel_layers(None)

    # then
    assert layers["default"]["BACKEND"] == "channels.layers.InMemoryChannelLayer"


def test_env_helpers():
    # then
    assert env_bool("X", environ={"X": "Yes"}) is True
    assert env_bool("X", environ={"X": "0"}) is False
    assert env_bool("X", default=True, environ={}) is True
    with pytest.raises(ValueError):
        env_bool("X", environ={"X": "maybe"})
    assert env_list("H", environ={"H": "a.org, b.org,,"}) == ["a.org", "b.org"]
    assert env_list("H", default=("localhost",), environ={}) == ["localhost"]


def test_installed_apps_order_and_languages():
    # then
    apps = settings.INSTALLED_APPS
    assert apps[0] == "daphne"
    assert apps.index("modeltranslation") < apps.index("django.contrib.admin")
    for app in ("flows", "groups", "stops", "templates_app", "datasources", "schedules", "stopshub"):
        assert app in apps
    assert [code for code, _ in settings.LANGUAGES] == ["en", "zh-hans"]
    assert "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE


def test_a_garbage_database_url_names_the_variable_and_never_the_password(tmp_path):
    with pytest.raises(ImproperlyConfigured) as error:
        database_config("://piflow:hunter2@nowhere", data_dir=tmp_path)
    assert str(error.value).startswith("DATABASE_URL")
    assert "hunter2" not in str(error.value)
