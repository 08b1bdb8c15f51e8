"""/api/auth/*: register (and closing it), login (session + token), logout, me, password change, rate limits."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from accounts.models import ApiToken, hash_key
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
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == hash_key(body["token"]) and token.prefix == body["token"][:8]
    assert token.name.startswith("login")
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
    assert not ApiToken.objects.filter(key_hash=hash_key(token)).exists()
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


def log_in(client: APIClient, username: str = "ada", password: str = PASSWORD, **extra):
    return client.post(
        "/api/auth/login", {"username": username, "password": password}, format="json", **extra
    )


# -- registration switched off ---------------------------------------------------------------------


def test_config_says_registration_is_open_by_default(anonymous_client):
    # when
    response = anonymous_client.get("/api/auth/config")

    # then
    assert response.status_code == 200
    assert response.json() == {"registration_open": True}


def test_closed_registration_is_403_with_a_clear_message(anonymous_client, settings):
    # given
    settings.PIFLOW_OPEN_REGISTRATION = False

    # when
    config = anonymous_client.get("/api/auth/config")
    response = anonymous_client.post(
        "/api/auth/register", {"username": "grace", "password": PASSWORD}, format="json"
    )
    empty = anonymous_client.post("/api/auth/register", {}, format="json")

    # then
    assert config.json() == {"registration_open": False}
    assert response.status_code == 403
    assert response.json() == {"error": "registration is closed: ask an administrator for an account"}
    assert empty.status_code == 403
    assert not get_user_model().objects.filter(username="grace").exists()


def test_closed_registration_still_lets_users_log_in(anonymous_client, user, settings):
    # given
    settings.PIFLOW_OPEN_REGISTRATION = False

    # when
    response = log_in(anonymous_client)

    # then
    assert response.status_code == 200


def test_the_password_validators_are_configured(settings):
    # then: Django's four validators guard registration and password changes
    names = {validator["NAME"].rsplit(".", 1)[-1] for validator in settings.AUTH_PASSWORD_VALIDATORS}
    assert names == {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }


# -- rate limits ---------------------------------------------------------------------------------------


def test_too_many_logins_to_one_account_are_429_with_the_wait(user, settings):
    # given: three attempts a minute per account, from changing addresses
    settings.PIFLOW_LOGIN_RATE = "3/min"
    client = APIClient()
    for attempt in range(3):
        assert log_in(client, password="wrong", REMOTE_ADDR=f"10.0.0.{attempt}").status_code == 401

    # when: even the right password, from yet another address
    response = log_in(client, REMOTE_ADDR="10.0.0.99")

    # then
    assert response.status_code == 429
    body = response.json()
    assert body["error"].startswith("too many attempts: try again in ")
    assert 1 <= body["wait"] <= 60
    assert response["Retry-After"] == str(body["wait"])
    assert client.get("/api/auth/me").status_code == 401  # no session was started


def test_the_account_limit_ignores_the_usernames_letter_case(user, settings):
    # given
    settings.PIFLOW_LOGIN_RATE = "2/min"
    client = APIClient()
    log_in(client, "ada", "wrong")
    log_in(client, "ADA", "wrong")

    # when
    response = log_in(client, " Ada ", "wrong")

    # then
    assert response.status_code == 429


def test_another_account_is_not_slowed_by_someone_elses_limit(user, other_user, settings):
    # given: Ada's account is locked for the minute
    settings.PIFLOW_LOGIN_RATE = "2/min"
    client = APIClient()
    for _ in range(2):
        log_in(client, "ada", "wrong")
    assert log_in(client, "ada").status_code == 429

    # when
    response = log_in(client, "bob")

    # then
    assert response.status_code == 200


def test_too_many_logins_from_one_address_are_429_whatever_the_username(db, settings):
    # given
    settings.PIFLOW_LOGIN_RATE_PER_ADDRESS = "3/min"
    client = APIClient()
    for name in ("a1", "a2", "a3"):
        assert log_in(client, name, "x", REMOTE_ADDR="10.1.1.1").status_code == 401

    # when: a new name, and a forged X-Forwarded-For (no proxy is configured: it is ignored)
    same_address = log_in(client, "a4", "x", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="192.0.2.7")
    other_address = log_in(client, "a5", "x", REMOTE_ADDR="10.1.1.2")

    # then
    assert same_address.status_code == 429
    assert same_address["Retry-After"] == str(same_address.json()["wait"])
    assert other_address.status_code == 401


def test_too_many_registrations_from_one_address_are_429(db, settings):
    # given
    settings.PIFLOW_LOGIN_RATE_PER_ADDRESS = "2/min"
    client = APIClient()
    for name in ("reg1", "reg2"):
        created = client.post("/api/auth/register", {"username": name, "password": PASSWORD}, format="json")
        assert created.status_code == 201

    # when
    response = client.post("/api/auth/register", {"username": "reg3", "password": PASSWORD}, format="json")

    # then
    assert response.status_code == 429
    assert "wait" in response.json()
    assert not get_user_model().objects.filter(username="reg3").exists()


# -- logout and the login's token ------------------------------------------------------------------


def test_logging_out_of_a_browser_session_revokes_the_token_its_login_made(user):
    # given
    client = APIClient()
    key = log_in(client).json()["token"]
    other_key = log_in(APIClient()).json()["token"]

    # when
    client.post("/api/auth/logout")

    # then: that login's token is gone, another login's stays
    assert not ApiToken.objects.filter(key_hash=hash_key(key)).exists()
    assert ApiToken.objects.filter(key_hash=hash_key(other_key)).exists()


# -- changing the password ---------------------------------------------------------------------------

NEW_PASSWORD = "a brand new passphrase 42"


def change_password(client: APIClient, current: str = PASSWORD, new: str = NEW_PASSWORD):
    return client.post(
        "/api/auth/password", {"current_password": current, "new_password": new}, format="json"
    )


def test_changing_the_password_keeps_this_session_and_ends_every_other(user):
    # given: Ada in two browsers, plus a script with a token
    here, elsewhere = APIClient(), APIClient()
    log_in(here)
    log_in(elsewhere)
    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Token {log_in(APIClient()).json()['token']}")

    # when
    response = change_password(here)

    # then
    assert response.status_code == 204
    assert here.get("/api/auth/me").status_code == 200
    assert elsewhere.get("/api/auth/me").status_code == 401
    assert script.get("/api/auth/me").status_code == 401
    assert not ApiToken.objects.filter(user=user).exists()
    assert log_in(APIClient(), password=PASSWORD).status_code == 401
    assert log_in(APIClient(), password=NEW_PASSWORD).status_code == 200


def test_changing_the_password_with_a_token_keeps_that_token_only(user):
    # given
    keys = [log_in(APIClient()).json()["token"] for _ in range(2)]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {keys[0]}")

    # when
    response = change_password(client)

    # then
    assert response.status_code == 204
    assert client.get("/api/auth/me").status_code == 200
    assert list(ApiToken.objects.filter(user=user).values_list("key_hash", flat=True)) == [hash_key(keys[0])]


def test_a_wrong_current_password_changes_nothing(user):
    # given
    client = APIClient()
    log_in(client)

    # when
    response = change_password(client, current="not my password")

    # then
    assert response.status_code == 400
    assert response.json()["fields"] == {"current_password": ["this is not your current password"]}
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_weak_new_password_is_refused_naming_the_problem(user):
    # given
    client = APIClient()
    log_in(client)

    # when
    response = change_password(client, new="12345678")

    # then
    assert response.status_code == 400
    assert "too common" in " ".join(response.json()["fields"]["new_password"])
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_password_change_without_both_fields_is_400(api_client):
    # when
    response = api_client.post("/api/auth/password", {}, format="json")

    # then
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"current_password", "new_password"}


def test_guessing_the_current_password_is_rate_limited(user, settings):
    # given
    settings.PIFLOW_LOGIN_RATE = "2/min"
    client = APIClient()
    log_in(client)
    for _ in range(2):
        assert change_password(client, current="guess").status_code == 400

    # when
    response = change_password(client)

    # then
    assert response.status_code == 429
    assert response["Retry-After"] == str(response.json()["wait"])


def test_anonymous_callers_cannot_change_a_password(anonymous_client, user):
    assert change_password(anonymous_client).status_code == 401
