"""How Django serves the web UI (no browser): the app's shell on every UI path, its assets under
``/ui/``, the server's own paths untouched, and a clear 503 page before the first build."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from frontend import views

UI_PATHS = ["/", "/login", "/flows", "/flows/12/edit", "/processes", "/processes/run-1/log", "/no/such/page"]


@pytest.mark.parametrize("path", UI_PATHS)
def test_every_ui_path_gets_the_app_with_a_csrf_cookie(frontend_dist: Path, path: str):
    # when
    response = Client().get(path)

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert b'<div id="root">' in response.content
    assert "no-cache" in response["Cache-Control"]
    assert "csrftoken" in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/nope/",
        "/api/flows/",
        "/admin/",
        "/stop/groups",
        "/flow/info",
        "/group/info",
        "/static/nope.css",
        "/i18n/nope",
        "/ui/nope.js",
        "/ws/x/",
    ],
)
def test_server_paths_are_never_answered_with_the_app(frontend_dist: Path, path: str):
    # when
    response = Client().get(path)

    # then
    assert b'<div id="root">' not in response.content


def test_built_assets_are_served_and_cached_for_good(frontend_dist: Path):
    # given
    script = next((frontend_dist / "assets").glob("index-*.js"))
    html = (frontend_dist / "index.html").read_text()

    # when
    response = Client().get(f"/ui/assets/{script.name}")

    # then
    assert f"/ui/assets/{script.name}" in html
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == script.read_bytes()


def test_only_reads_are_answered(frontend_dist: Path):
    assert Client().post("/flows").status_code == 405


@pytest.mark.parametrize(
    "language, text", [("en", "The web interface is not built yet"), ("zh-hans", "网页界面尚未构建")]
)
def test_before_a_build_the_ui_says_how_to_build_it(monkeypatch, tmp_path: Path, language: str, text: str):
    # given: no dist/index.html
    monkeypatch.setattr(views, "INDEX_HTML", tmp_path / "index.html")

    # when
    response = Client().get("/flows", HTTP_ACCEPT_LANGUAGE=language)

    # then
    assert response.status_code == 503
    body = response.content.decode()
    assert text in body
    assert "npm --prefix frontend ci &amp;&amp; npm --prefix frontend run build" in body
