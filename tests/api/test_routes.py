"""Every URL route refuses anonymous callers, except the few that must be public.

The public ones, and why:
* ``/api/auth/register``, ``/api/auth/login``: how a caller becomes known (``/api/auth/config``: whether
  registration is open);
* the web UI's shell (``home``, ``ui``): HTML and scripts, no data;
* ``/i18n/setlang/``: the language switch of the login page;
* ``/admin/login/``: Django admin's login page.
Static files are served outside the URL patterns (``runserver`` in development, the web server in
production) and hold only the front end's public assets.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

PUBLIC = {
    "home",
    "ui",
    "set_language",
    "accounts:register",
    "accounts:login",
    "accounts:config",
    "admin:login",
}
METHODS = ("get", "post", "put", "patch", "delete", "options")

_SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": str(uuid.uuid4())}


def _sample_route(route: str) -> str:
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: _SAMPLES.get(m.group(1) or "str", "x"), route)


def _sample_regex(regex: str) -> str:
    def group(match: re.Match) -> str:
        alternatives = match.group(1).split("|")
        return alternatives[0] if all(re.fullmatch(r"[\w-]+", a) for a in alternatives) else "1"

    text = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    text = re.sub(r"\(\?P<\w+>([^()]*)\)", group, text)
    return text.replace("\\", "")


def routes(patterns=None, prefix: str = "", namespace: str = ""):
    """(url, name, view) for every route, with sample values for its parameters."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = entry.pattern
        text = str(pattern)
        part = _sample_route(text) if hasattr(pattern, "_route") else _sample_regex(text)
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from routes(entry.url_patterns, prefix + part, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name or ''}" if namespace else (entry.name or "")
            yield "/" + prefix + part, name, entry.callback


ALL_ROUTES = list(routes())


def test_the_walk_finds_every_kind_of_route():
    # when
    urls = {url for url, _, _ in ALL_ROUTES}

    # then
    assert {
        "/api/flows/",
        "/api/flows/1/run/",
        "/api/processes/x/log/",
        "/api/auth/me",
        "/api/dashboard/",
        "/api/stops/",
        "/stop/list",
        "/flow/start",
        "/admin/",
        "/admin/flows/flow/",
    } <= urls
    assert len(ALL_ROUTES) > 50


def test_every_sample_url_resolves_to_its_own_view():
    # when
    wrong = [(url, name) for url, name, view in ALL_ROUTES if resolve(url).func is not view]

    # then
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("url, name", [(url, name) for url, name, _ in ALL_ROUTES if name not in PUBLIC])
def test_anonymous_callers_are_refused(url, name):
    # given
    client = Client()

    # when
    answers = {method: getattr(client, method)(url) for method in METHODS}

    # then
    for method, response in answers.items():
        location = response.headers.get("Location", "")
        if name.startswith("admin:"):
            refused = response.status_code == 302 and (
                location.startswith("/admin/login/") or (name == "admin:logout" and location == "/admin/")
            )
        else:
            refused = response.status_code in (401, 403)
        assert refused, f"{method.upper()} {url} ({name}) answered {response.status_code} {location}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/login/"])
def test_the_public_pages_answer_anonymous_callers(url):
    # when
    response = Client().get(url)

    # then
    assert response.status_code == 200


def test_the_public_list_names_real_routes():
    # then
    assert PUBLIC <= {name for _, name, _ in ALL_ROUTES}


@pytest.mark.django_db
def test_the_schema_documents_the_resource_api(django_user_model):
    # when
    client = Client()
    client.force_login(django_user_model.objects.create_user("reader", password="x-long-password-1"))
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")

    # then
    paths = response.json()["paths"]
    assert {
        "/api/auth/login",
        "/api/auth/register",
        "/api/auth/me",
        "/api/dashboard/",
        "/api/flows/",
        "/api/flows/{flow_id}/",
        "/api/flows/{flow_id}/run/",
        "/api/flows/import/",
        "/api/processes/",
        "/api/processes/{process_id}/debug/",
    } <= set(paths)
    patch = paths["/api/flows/{flow_id}/"]["patch"]["requestBody"]["content"]["application/json"]["schema"]
    assert patch["$ref"].endswith("/FlowPatch")
