"""Security headers on every kind of response: the UI's shell and its files, the API, its docs, the admin.

Also: the debug 404 page (which lists every URL pattern) is never shown unless DJANGO_DEBUG=1.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from frontend import middleware as ui_files
from frontend import views as ui_shell

REPO = Path(__file__).resolve().parents[2]
SHELL = '<!doctype html><html><head><script type="module" src="/ui/assets/app-1a2b3c.js"></script></head>'


def directives(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as directive -> sources."""
    policy = response["Content-Security-Policy"]
    parsed = [part.split() for part in policy.split(";") if part.strip()]
    return {words[0]: words[1:] for words in parsed}


def assert_secure(response) -> None:
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert {"'self'", "ws://testserver", "wss://testserver"} == set(policy["connect-src"])
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.fixture
def built_ui(tmp_path, monkeypatch) -> Path:
    """A built UI (shell and one hashed asset) where the server looks for ``frontend/dist``."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app-1a2b3c.js").write_text("console.log('PiFlow')\n")
    (tmp_path / "index.html").write_text(SHELL)
    monkeypatch.setattr(ui_files, "DIST_DIR", tmp_path)
    monkeypatch.setattr(ui_shell, "INDEX_HTML", tmp_path / "index.html")
    return tmp_path


def test_the_apps_shell_has_them(built_ui):
    # when
    response = Client().get("/")

    # then
    assert response.status_code == 200 and b"app-1a2b3c.js" in response.content
    assert_secure(response)


def test_a_file_of_the_built_ui_has_them(built_ui):
    # when: served by WhiteNoise, ahead of most middleware
    response = Client().get("/ui/assets/app-1a2b3c.js")

    # then
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"console.log('PiFlow')\n"
    assert_secure(response)


@pytest.mark.django_db
def test_the_api_has_them_whether_or_not_the_caller_is_known(api_client):
    # when
    anonymous = Client().get("/api/flows/")
    known = api_client.get("/api/flows/")

    # then
    assert (anonymous.status_code, known.status_code) == (401, 200)
    assert_secure(anonymous)
    assert_secure(known)


@pytest.mark.django_db
def test_the_api_docs_have_them_and_run_no_inline_script(api_client):
    # when
    page = api_client.get("/api/docs/")
    sources = re.findall(rb'<script src="([^"]+)"', page.content)
    script = api_client.get(sources[-1].decode().replace("&amp;", "&"))

    # then: every script of the page is a file, the start-up one included
    assert page.status_code == 200
    assert_secure(page)
    assert page.content.count(b"<script") == len(sources) == 3
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle(" in script.content
    assert_secure(script)


@pytest.mark.django_db
def test_the_admin_has_them():
    # when
    response = Client().get("/admin/login/")

    # then
    assert response.status_code == 200
    assert_secure(response)


def test_the_admins_static_files_have_them():
    # when
    response = Client().get("/static/admin/css/base.css")

    # then
    assert response.status_code == 200
    assert_secure(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/no-such-endpoint/", "/i18n/nope", "/static/nope.css"])
def test_an_unknown_url_never_lists_the_url_patterns(settings, url):
    # given: production settings
    settings.DEBUG = False

    # when
    response = Client().get(url)

    # then
    assert response.status_code == 404
    text = response.content.decode()
    assert "URLconf" not in text and "api/flows/" not in text and "admin/" not in text
    assert_secure(response)


def test_debug_is_off_unless_django_debug_says_so():
    # given: the environment of a deployment that never mentions DJANGO_DEBUG
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env["DJANGO_SECRET_KEY"] = "k" * 50
    probe = "import piflow_site.settings as s; print(s.DEBUG)"

    # when
    unset = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True)
    on = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={**env, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
    )

    # then
    assert (unset.stdout.strip(), on.stdout.strip()) == ("False", "True"), unset.stderr + on.stderr
