"""/api/auth/*: register, login (session + token), logout, me."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PASSWORD, UserFactory


def test_register_creates_an_ordinary_user(anonymous_client):
    # when
    response = anonymous_client.post(
        "/api/auth/register", {"username": "grace", "password": PASSWORD}, format="json"
    )

    # then
    assert response.status_code == 201
    assert response.json()["username"] == "grace"
    assert response.json()["is_admin"] is False
    assert "password" not in response.json()
    user = get_user_model().objects.get(username="grace")
    assert user.check_password(PASSWORD) and not user.is_staff and not user.is_superuser


def test_register_refuses_a_weak_password_naming_the_problem(anonymous_client):
    # when
    response = anonymous_client.post(
        "/api/auth/register", {"username": "grace", "password": "12345678"}, format="json"
    )

    # then
    assert response.status_code == 400
    assert "too common" in response.json()["error"]
    assert response.json()["fields"]["password"]
    assert not get_user_model().objects.filter(username="grace").exists()


def test_register_refuses_a_password_like_the_username(anonymous_client):
    # when
    response = anonymous_client.post(
        "/api/auth/register", {"username": "gracehopper", "password": "gracehopper1"}, format="json"
    )

    # then
    assert response.status_code == 400
    assert "too similar" in response.json()["error"]


def test_register_refuses_a_taken_username_in_any_case(anonymous_client, user):
    # when
    response = anonymous_client.post(
        "/api/auth/register", {"username": user.username.upper(), "password": PASSWORD}, format="json"
    )

    # then
    assert response.status_code == 400
    assert "a user with that username already exists" in response.json()["error"]


def test_register_cannot_make_an_admin(anonymous_client):
    # when
    response = anonymous_client.post(
        "/api/auth/register",
        {"username": "eve", "password": PASSWORD, "is_staff": True, "is_admin": True},
        format="json",
    )

    # then
    assert response.status_code == 201
    assert get_user_model().objects.get(username="eve").is_staff is False


def test_register_with_missing_fields_is_400(anonymous_client):
    # when
    response = anonymous_client.post("/api/auth/register", {}, format="json")

    # then
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"username", "password"}


def test_login_returns_a_token_and_starts_a_session(anonymous_client, user):
    # when
    response = anonymous_client.post(
        "/api/auth/login", {"username": "ada", "password": PASSWORD}, format="json"
    )

    # then
    assert response.status_code == 200
    body = response.json()
    assert (body["username"], body["is_admin"]) == ("ada", False)
    assert body["token"] == Token.objects.get(user=user).key
    assert anonymous_client.get("/api/auth/me").json()["username"] == "ada"  # the session cookie works
    token_client = APIClient()
    token_client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert token_client.get("/api/auth/me").json()["username"] == "ada"


def test_login_with_a_wrong_password_is_401_with_a_clear_message(anonymous_client, user):
    # when
    response = anonymous_client.post(
        "/api/auth/login", {"username": "ada", "password": "wrong"}, format="json"
    )

    # then
    assert response.status_code == 401
    assert response.json() == {"error": "wrong username or password"}
    assert anonymous_client.get("/api/auth/me").status_code == 401


def test_login_of_an_unknown_user_gives_the_same_answer(anonymous_client, db):
    # when
    response = anonymous_client.post(
        "/api/auth/login", {"username": "nobody", "password": "x"}, format="json"
    )

    # then
    assert response.status_code == 401
    assert response.json() == {"error": "wrong username or password"}


def test_login_of_an_inactive_user_is_refused(anonymous_client, db):
    # given
    UserFactory(username="gone", is_active=False)

    # when
    response = anonymous_client.post(
        "/api/auth/login", {"username": "gone", "password": PASSWORD}, format="json"
    )

    # then
    assert response.status_code == 401


def test_logout_revokes_the_token(user):
    # given
    client = APIClient()
    token = client.post("/api/auth/login", {"username": "ada", "password": PASSWORD}, format="json").json()[
        "token"
    ]
    client.logout()  # forget the session: use only the token
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    # when
    response = client.post("/api/auth/logout")

    # then
    assert response.status_code == 204
    assert not Token.objects.filter(key=token).exists()
    assert client.get("/api/auth/me").status_code == 401


def test_logout_ends_the_session(anonymous_client, user):
    # given
    anonymous_client.post("/api/auth/login", {"username": "ada", "password": PASSWORD}, format="json")

    # when
    response = anonymous_client.post("/api/auth/logout")

    # then
    assert response.status_code == 204
    assert anonymous_client.get("/api/auth/me").status_code == 401


def test_me_says_who_is_asking_and_whether_they_are_admin(api_client, staff_client):
    # when
    me = api_client.get("/api/auth/me")
    admin = staff_client.get("/api/auth/me")

    # then
    assert me.status_code == 200
    assert (me.json()["username"], me.json()["is_admin"]) == ("ada", False)
    assert (admin.json()["username"], admin.json()["is_admin"]) == ("root", True)


def test_session_posts_need_the_csrf_token(user):
    # given: a browser that logged in with a session cookie
    client = APIClient(enforce_csrf_checks=True)
    client.post("/api/auth/login", {"username": "ada", "password": PASSWORD}, format="json")

    # when
    response = client.post("/api/flows/", {"name": "x"}, format="json")

    # then
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]


def test_malformed_json_to_login_or_register_is_400(anonymous_client):
    # when
    login = anonymous_client.post("/api/auth/login", "{oops", content_type="application/json")
    register = anonymous_client.post("/api/auth/register", "[1,", content_type="application/json")

    # then
    assert (login.status_code, register.status_code) == (400, 400)
    assert "JSON parse error" in login.json()["error"]
