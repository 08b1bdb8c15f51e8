"""CSRF: every write made with the session cookie needs Django's CSRF token; token callers need none."""

from __future__ import annotations

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from accounts.services import token_create
from tests.factories import PASSWORD

WRITES = [
    ("post", "/api/flows/", {"name": "x"}),
    ("post", "/api/auth/tokens/", {"name": "x"}),
    ("post", "/api/auth/password", {"current_password": PASSWORD, "new_password": "another long phrase 9"}),
    ("post", "/api/auth/logout", {}),
]


@pytest.fixture
def browser(user) -> APIClient:
    """A browser that logged in with a session cookie, and checks CSRF as a real one would."""
    client = APIClient(enforce_csrf_checks=True)
    response = client.post("/api/auth/login", {"username": "ada", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME in client.cookies  # logging in sets a fresh CSRF cookie
    return client


@pytest.mark.parametrize("method, url, body", WRITES)
def test_a_session_write_without_the_csrf_token_is_403(browser, method, url, body):
    # when
    response = getattr(browser, method)(url, body, format="json")

    # then
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]
    assert browser.get("/api/auth/me").status_code == 200  # still logged in: the logout was refused too


def test_a_session_delete_without_the_csrf_token_is_403(browser, user):
    # given
    token, _ = token_create(user=user, name="keep me")

    # when
    response = browser.delete(f"/api/auth/tokens/{token.pk}/")

    # then
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]


def test_a_session_write_with_the_csrf_token_goes_through(browser):
    # given
    csrf = browser.cookies[settings.CSRF_COOKIE_NAME].value

    # when
    flow = browser.post("/api/flows/", {"name": "x"}, format="json", HTTP_X_CSRFTOKEN=csrf)
    token = browser.post("/api/auth/tokens/", {"name": "x"}, format="json", HTTP_X_CSRFTOKEN=csrf)

    # then
    assert (flow.status_code, token.status_code) == (201, 201)


def test_a_token_caller_needs_no_csrf_token(user):
    # given: a script with a token and no cookies
    _, key = token_create(user=user, name="script")
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    # when
    flow = client.post("/api/flows/", {"name": "x"}, format="json")
    token = client.post("/api/auth/tokens/", {"name": "another"}, format="json")

    # then
    assert (flow.status_code, token.status_code) == (201, 201)
