"""``/api/files/``: a user's own workspace, listed, uploaded into, downloaded from, tidied.

Every path is relative to the asking user's workspace (``$PIFLOW_DATA_DIR/files/<user id>/``);
one that escapes it is a 400 saying why, someone else's files are out of reach, and an upload
over ``PIFLOW_UPLOAD_MAX_BYTES`` is a 413.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from access.selectors import workspace_dir

CSV = b"id,name\n1,ada\n2,bob\n"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path) -> Path:
    """A data dir of the test's own, so every test starts with empty workspaces."""
    settings.PIFLOW_DATA_DIR = tmp_path / "data"
    return settings.PIFLOW_DATA_DIR


@pytest.fixture
def workspace(user) -> Path:
    return workspace_dir(user)


def upload(client, name: str = "people.csv", content: bytes = CSV, **fields):
    return client.post(
        "/api/files/upload/", {"file": SimpleUploadedFile(name, content), **fields}, format="multipart"
    )


def listing(client, path: str = "", **query):
    return client.get("/api/files/", {"path": path, **query})


def names_of(body: dict) -> list[str]:
    return [entry["name"] for entry in body["results"]]


def names(response) -> list[str]:
    return names_of(response.json())


# -- listing -------------------------------------------------------------------------------------------


def test_an_empty_workspace_lists_nothing_and_says_where_it_is(api_client, workspace):
    response = listing(api_client)
    assert response.status_code == 200
    body = response.json()
    assert body["path"] == "" and body["location"] == str(workspace)
    assert (body["count"], body["results"]) == (0, [])


def test_a_folder_lists_folders_first_then_files_by_name_with_size_date_and_location(api_client, workspace):
    (workspace / "b.csv").write_bytes(b"12345")
    (workspace / "A.csv").write_bytes(b"1")
    (workspace / "zoo").mkdir()
    (workspace / "data").mkdir()

    body = listing(api_client).json()

    assert names_of(body) == ["data", "zoo", "A.csv", "b.csv"]
    b_csv = body["results"][3]
    assert b_csv["path"] == "b.csv" and b_csv["is_dir"] is False and b_csv["size"] == 5
    assert b_csv["location"] == str(workspace / "b.csv")
    modified = datetime.fromisoformat(b_csv["modified"].replace("Z", "+00:00"))
    assert modified.timestamp() == pytest.approx(os.path.getmtime(workspace / "b.csv"), abs=1e-3)
    data = body["results"][0]
    assert (data["is_dir"], data["size"], data["location"]) == (True, None, str(workspace / "data"))


def test_a_sub_folder_is_listed_by_its_relative_path(api_client, workspace):
    (workspace / "in" / "2024").mkdir(parents=True)
    (workspace / "in" / "2024" / "jan.csv").write_bytes(CSV)
    body = listing(api_client, "in/2024").json()
    assert body["path"] == "in/2024" and body["location"] == str(workspace / "in" / "2024")
    assert [(e["name"], e["path"]) for e in body["results"]] == [("jan.csv", "in/2024/jan.csv")]
    # the same folder, spelt loosely
    assert listing(api_client, "./in//2024/").json()["path"] == "in/2024"


def test_a_big_folder_comes_in_pages(api_client, workspace):
    for number in range(25):
        (workspace / f"part-{number:05d}.csv").write_bytes(b"x")
    first = listing(api_client, page_size=10).json()
    last = listing(api_client, page_size=10, page=3).json()
    assert first["count"] == 25 and len(first["results"]) == 10 and first["next"]
    assert names_of(last) == [f"part-{n:05d}.csv" for n in range(20, 25)]


def test_a_missing_folder_is_404_and_a_file_is_not_a_folder(api_client, workspace):
    (workspace / "a.csv").write_bytes(CSV)
    missing = listing(api_client, "nope")
    assert missing.status_code == 404 and "'nope'" in missing.json()["error"]
    file = listing(api_client, "a.csv")
    assert file.status_code == 400 and "is a file, not a folder" in file.json()["error"]


# -- paths that leave the workspace --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, says",
    [
        ("..", "'..'"),
        ("../2", "'..'"),
        ("data/../../..", "'..'"),
        ("/etc", "absolute"),
        ("/", "absolute"),
        ("a\x00b", "NUL|Null characters"),
    ],
)
def test_a_path_leaving_the_workspace_is_400_saying_why(api_client, path, says):
    for response in (
        listing(api_client, path),
        api_client.get("/api/files/download/", {"path": path}),
        api_client.delete(f"/api/files/?path={path}"),
        api_client.post("/api/files/folders/", {"path": path}, format="json"),
        upload(api_client, path=path),
    ):
        assert response.status_code == 400, (response.request, response.content)
        assert re.search(says, json.dumps(response.json())), response.json()


def test_a_symlink_leading_out_is_refused_and_not_listed(api_client, workspace):
    (workspace / "etc").symlink_to("/etc", target_is_directory=True)
    (workspace / "passwd").symlink_to("/etc/passwd")
    (workspace / "mine.csv").write_bytes(CSV)

    assert names(listing(api_client)) == ["mine.csv"]
    for response in (
        listing(api_client, "etc"),
        api_client.get("/api/files/download/", {"path": "passwd"}),
        api_client.get("/api/files/download/", {"path": "etc/passwd"}),
        upload(api_client, path="etc"),
        api_client.post("/api/files/folders/", {"path": "etc/new"}, format="json"),
    ):
        assert response.status_code == 400
        assert "leads out of your workspace through a symbolic link" in response.json()["error"]
    assert Path("/etc/passwd").exists()


def test_deleting_a_symlink_removes_the_link_not_what_it_points_to(api_client, workspace, tmp_path):
    precious = tmp_path / "precious.csv"
    precious.write_bytes(CSV)
    (workspace / "link.csv").symlink_to(precious)
    assert api_client.delete("/api/files/?path=link.csv").status_code == 204
    assert not os.path.lexists(workspace / "link.csv") and precious.read_bytes() == CSV


# -- users -------------------------------------------------------------------------------------------


def test_each_user_sees_only_their_own_workspace(api_client, other_client, user, other_user):
    upload(api_client, "ada.csv")
    upload(other_client, "bob.csv")

    assert names(listing(api_client)) == ["ada.csv"]
    assert names(listing(other_client)) == ["bob.csv"]
    assert listing(api_client).json()["location"] != listing(other_client).json()["location"]
    # Bob cannot reach Ada's file by any path of his own
    assert other_client.get("/api/files/download/", {"path": "ada.csv"}).status_code == 404
    assert other_client.get("/api/files/download/", {"path": f"../{user.pk}/ada.csv"}).status_code == 400
    assert other_client.delete("/api/files/?path=ada.csv").status_code == 404
    assert names(listing(api_client)) == ["ada.csv"]


def test_an_admin_has_a_workspace_of_their_own(api_client, staff_client, staff_user, user):
    upload(api_client, "ada.csv")
    body = listing(staff_client).json()
    assert body["results"] == [] and body["location"] == str(workspace_dir(staff_user))
    assert staff_client.get("/api/files/download/", {"path": "ada.csv"}).status_code == 404
    assert staff_client.get("/api/files/download/", {"path": f"../{user.pk}/ada.csv"}).status_code == 400


def test_anonymous_callers_are_refused(anonymous_client):
    assert anonymous_client.get("/api/files/").status_code in (401, 403)
    assert upload(anonymous_client).status_code in (401, 403)


# -- upload and download -------------------------------------------------------------------------------


def test_an_uploaded_file_is_stored_listed_and_downloaded_unchanged(api_client, workspace):
    response = upload(api_client)

    assert response.status_code == 201
    entry = response.json()
    assert (entry["name"], entry["path"], entry["size"], entry["is_dir"]) == (
        "people.csv",
        "people.csv",
        len(CSV),
        False,
    )
    assert entry["location"] == str(workspace / "people.csv")
    assert (workspace / "people.csv").read_bytes() == CSV
    assert names(listing(api_client)) == ["people.csv"]
    download = api_client.get("/api/files/download/", {"path": "people.csv"})
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == CSV
    assert 'attachment; filename="people.csv"' in download["Content-Disposition"]


def test_an_upload_goes_into_the_folder_it_names(api_client, workspace):
    (workspace / "in").mkdir()
    entry = upload(api_client, "jan.csv", path="in").json()
    assert entry["path"] == "in/jan.csv" and (workspace / "in" / "jan.csv").read_bytes() == CSV
    missing = upload(api_client, path="not/there")
    assert missing.status_code == 404 and "'not/there'" in missing.json()["error"]


def test_uploading_over_a_file_needs_overwrite(api_client, workspace):
    upload(api_client, content=b"old\n")
    again = upload(api_client, content=b"new\n")
    assert again.status_code == 409 and "already exists" in again.json()["error"]
    assert (workspace / "people.csv").read_bytes() == b"old\n"
    replaced = upload(api_client, content=b"new\n", overwrite="true")
    assert replaced.status_code == 201 and (workspace / "people.csv").read_bytes() == b"new\n"


def test_an_upload_may_not_replace_a_folder(api_client, workspace):
    (workspace / "people.csv").mkdir()
    response = upload(api_client, overwrite="true")
    assert response.status_code == 409 and (workspace / "people.csv").is_dir()


@pytest.mark.parametrize("name", ["data[1].csv", "a*.csv", "what?.csv", "x{y}.csv", "c:d.csv"])
def test_a_name_spark_would_read_as_a_pattern_is_refused(api_client, workspace, name):
    response = upload(api_client, name)
    assert response.status_code == 400 and "Spark would read as a pattern" in response.json()["error"]
    assert list(workspace.iterdir()) == []


def test_an_upload_without_a_file_is_400_naming_the_field(api_client):
    response = api_client.post("/api/files/upload/", {"path": ""}, format="multipart")
    assert response.status_code == 400 and "file" in response.json()["fields"]


def test_an_upload_over_the_limit_is_413_and_leaves_nothing_behind(api_client, workspace, settings):
    settings.PIFLOW_UPLOAD_MAX_BYTES = 1000
    response = upload(api_client, "big.csv", b"x" * 1001)
    assert response.status_code == 413
    assert response.json() == {
        "error": "the file is larger than the upload limit of 1000 bytes",
        "limit": 1000,
    }
    assert list(workspace.iterdir()) == []
    assert upload(api_client, "fits.csv", b"x" * 1000).status_code == 201


def test_a_session_upload_over_the_limit_is_413_even_before_the_csrf_check(user, workspace, settings):
    """With a session login, the CSRF check reads the body first: the limit must already hold."""
    settings.PIFLOW_UPLOAD_MAX_BYTES = 1000
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    token = _get_new_csrf_string()
    browser.cookies["csrftoken"] = token
    response = browser.post(
        "/api/files/upload/",
        {"file": SimpleUploadedFile("big.csv", b"x" * 5000)},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 413
    assert list(workspace.iterdir()) == []


def test_downloading_a_folder_or_nothing_is_refused(api_client, workspace):
    (workspace / "in").mkdir()
    assert api_client.get("/api/files/download/", {"path": "in"}).status_code == 400
    assert api_client.get("/api/files/download/", {"path": "gone.csv"}).status_code == 404
    assert api_client.get("/api/files/download/").status_code == 400


# -- folders and deleting ------------------------------------------------------------------------------


def test_a_folder_is_made_with_the_folders_above_it(api_client, workspace):
    response = api_client.post("/api/files/folders/", {"path": "in/2024/jan"}, format="json")
    assert response.status_code == 201
    assert response.json()["path"] == "in/2024/jan" and (workspace / "in" / "2024" / "jan").is_dir()
    again = api_client.post("/api/files/folders/", {"path": "in/2024/jan"}, format="json")
    assert again.status_code == 409


def test_a_folder_name_is_checked_like_a_file_name(api_client):
    for path in ("in/[x]", "in/back\\slash", "in/a:b"):
        response = api_client.post("/api/files/folders/", {"path": path}, format="json")
        assert response.status_code == 400 and "pattern" in response.json()["error"]
    assert api_client.post("/api/files/folders/", {"path": ""}, format="json").status_code == 400
    assert api_client.post("/api/files/folders/", {"path": "."}, format="json").status_code == 400


def test_a_folder_may_go_into_one_spark_named_freely(api_client, workspace):
    (workspace / "out" / "day=2024-01-01T00:00").mkdir(parents=True)
    response = api_client.post(
        "/api/files/folders/", {"path": "out/day=2024-01-01T00:00/more"}, format="json"
    )
    assert response.status_code == 201, response.content


def test_deleting_a_file_and_an_empty_folder(api_client, workspace):
    (workspace / "a.csv").write_bytes(CSV)
    (workspace / "empty").mkdir()
    assert api_client.delete("/api/files/?path=a.csv").status_code == 204
    assert api_client.delete("/api/files/?path=empty").status_code == 204
    assert list(workspace.iterdir()) == []
    assert api_client.delete("/api/files/?path=a.csv").status_code == 404


def test_a_folder_with_files_is_deleted_only_when_recursive(api_client, workspace):
    (workspace / "out").mkdir()
    (workspace / "out" / "part-0.csv").write_bytes(CSV)
    kept = api_client.delete("/api/files/?path=out")
    assert kept.status_code == 409 and "recursive=true" in kept.json()["error"]
    assert (workspace / "out" / "part-0.csv").exists()
    assert api_client.delete("/api/files/?path=out&recursive=maybe").status_code == 400
    assert api_client.delete("/api/files/?path=out&recursive=true").status_code == 204
    assert not (workspace / "out").exists()


def test_the_workspace_itself_cannot_be_deleted(api_client, workspace):
    for query in ("?path=", "?path=.", "?path=/", "?path=./&recursive=true"):
        assert api_client.delete(f"/api/files/{query}").status_code == 400
    assert workspace.is_dir()
