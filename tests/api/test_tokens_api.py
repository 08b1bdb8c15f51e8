"""/api/auth/tokens/: a user's named API tokens, stored hashed, shown once, revoked, expiring when idle."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken, hash_key
from tests.factories import UserFactory


def token_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def make_token(client: APIClient, name: str = "nightly export") -> dict:
    response = client.post("/api/auth/tokens/", {"name": name}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_a_new_token_shows_its_key_once_and_works(api_client, user):
    # when
    made = make_token(api_client)

    # then
    assert made["name"] == "nightly export"
    assert made["prefix"] == made["key"][:8]
    assert made["last_used_at"] is None and made["expired"] is False
    assert token_client(made["key"]).get("/api/auth/me").json()["username"] == "ada"
    listed = api_client.get("/api/auth/tokens/").json()["results"]
    assert [token["name"] for token in listed] == ["nightly export"]
    assert "key" not in listed[0] and made["key"] not in str(listed)


def test_the_key_is_stored_only_as_its_hash(api_client, user):
    # when
    made = make_token(api_client)

    # then
    row = ApiToken.objects.get(pk=made["id"])
    assert row.key_hash == hash_key(made["key"]) != made["key"]
    stored = ApiToken.objects.filter(pk=made["id"]).values().get()
    assert not any(made["key"] in str(value) for value in stored.values())


def test_the_list_holds_only_the_callers_tokens(api_client, other_client, staff_client):
    # given
    make_token(api_client, "ada's")
    make_token(other_client, "bob's")
    make_token(staff_client, "root's")

    # when
    ada = api_client.get("/api/auth/tokens/").json()
    root = staff_client.get("/api/auth/tokens/").json()

    # then: tokens are personal, even for an admin
    assert [token["name"] for token in ada["results"]] == ["ada's"] and ada["count"] == 1
    assert [token["name"] for token in root["results"]] == ["root's"]


def test_revoking_a_token_stops_it_at_once(api_client):
    # given
    made = make_token(api_client)
    script = token_client(made["key"])
    assert script.get("/api/auth/me").status_code == 200

    # when
    response = api_client.delete(f"/api/auth/tokens/{made['id']}/")

    # then
    assert response.status_code == 204
    assert script.get("/api/auth/me").status_code == 401
    assert api_client.get("/api/auth/tokens/").json()["count"] == 0


def test_someone_elses_token_is_not_found_and_keeps_working(api_client, other_client):
    # given
    bobs = make_token(other_client)

    # when
    response = api_client.delete(f"/api/auth/tokens/{bobs['id']}/")

    # then
    assert response.status_code == 404
    assert response.json() == {"error": f"no token with id {bobs['id']}"}
    assert token_client(bobs["key"]).get("/api/auth/me").json()["username"] == "bob"


def test_an_unknown_token_id_is_404(api_client):
    assert api_client.delete("/api/auth/tokens/999999/").status_code == 404


def test_a_token_needs_a_sensible_name(api_client):
    # when
    blank = api_client.post("/api/auth/tokens/", {"name": "   "}, format="json")
    missing = api_client.post("/api/auth/tokens/", {}, format="json")
    too_long = api_client.post("/api/auth/tokens/", {"name": "x" * 101}, format="json")
    nul = api_client.post("/api/auth/tokens/", {"name": "a\x00b"}, format="json")

    # then
    assert (blank.status_code, missing.status_code, too_long.status_code, nul.status_code) == (400,) * 4
    assert "name" in blank.json()["fields"] and "name" in missing.json()["fields"]
    assert too_long.json()["fields"]["name"] == ["at most 100 characters, not 101"]
    assert nul.json()["fields"]["name"] == ["Null characters are not allowed."]
    assert not ApiToken.objects.exists()


def test_use_is_noted_at_most_once_a_minute(api_client):
    # given
    made = make_token(api_client)
    script = token_client(made["key"])

    # when: two calls in a row
    script.get("/api/auth/me")
    first = ApiToken.objects.get(pk=made["id"]).last_used_at
    script.get("/api/auth/me")
    second = ApiToken.objects.get(pk=made["id"]).last_used_at

    # then
    assert first is not None and second == first

    # and when: the last use was two minutes ago
    ApiToken.objects.filter(pk=made["id"]).update(last_used_at=timezone.now() - timedelta(minutes=2))
    script.get("/api/auth/me")

    # then
    assert ApiToken.objects.get(pk=made["id"]).last_used_at > first


def test_a_token_idle_for_too_long_is_refused(api_client, settings):
    # given: the limit is 30 days; one token unused for 31, one used 29 days ago
    settings.PIFLOW_TOKEN_IDLE_DAYS = 30
    stale, fresh = make_token(api_client, "stale"), make_token(api_client, "fresh")
    now = timezone.now()
    ApiToken.objects.filter(pk=stale["id"]).update(created_at=now - timedelta(days=31))
    ApiToken.objects.filter(pk=fresh["id"]).update(
        created_at=now - timedelta(days=90), last_used_at=now - timedelta(days=29)
    )

    # when
    refused = token_client(stale["key"]).get("/api/auth/me")
    accepted = token_client(fresh["key"]).get("/api/auth/me")

    # then
    assert refused.status_code == 401
    assert refused.json()["error"].startswith("This token has expired: it was not used for 30 days.")
    assert accepted.status_code == 200
    listed = {token["name"]: token for token in api_client.get("/api/auth/tokens/").json()["results"]}
    assert listed["stale"]["expired"] is True and listed["fresh"]["expired"] is False


def test_logging_in_forgets_tokens_that_expired(user, settings):
    # given
    settings.PIFLOW_TOKEN_IDLE_DAYS = 30
    stale = make_token(token_client_for(user), "stale")
    ApiToken.objects.filter(pk=stale["id"]).update(created_at=timezone.now() - timedelta(days=31))

    # when
    APIClient().post("/api/auth/login", {"username": "ada", "password": "correct horse battery staple"})

    # then
    assert not ApiToken.objects.filter(pk=stale["id"]).exists()


def test_a_deactivated_users_token_is_refused(db):
    # given
    grace = UserFactory(username="grace")
    made = make_token(token_client_for(grace))
    grace.is_active = False
    grace.save()

    # when
    response = token_client(made["key"]).get("/api/auth/me")

    # then
    assert response.status_code == 401


def test_a_made_up_key_is_401_with_the_token_scheme(db):
    # when
    response = token_client("not-a-real-key").get("/api/flows/")

    # then
    assert response.status_code == 401
    assert response.json() == {"error": "Invalid token."}
    assert response["WWW-Authenticate"] == "Token"


def test_anonymous_callers_cannot_list_or_make_tokens(anonymous_client):
    assert anonymous_client.get("/api/auth/tokens/").status_code == 401
    assert anonymous_client.post("/api/auth/tokens/", {"name": "x"}, format="json").status_code == 401


def token_client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client
