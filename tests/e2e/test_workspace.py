"""The Files page in a real browser: a non-admin's own workspace, and a flow that uses it.

A newcomer opens Files, makes a folder, uploads a CSV with the button and another by dropping it,
downloads one, copies a file's path and deletes a file after confirming. Then they run a flow
reading the uploaded CSV (the path they copied) and writing into their workspace on a real worker,
and find the output on the Files page; the same flow pointed at /etc/passwd is refused before it
runs. Screenshots: ``tests/e2e/artifacts/files-*.png``.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_pages import register_and_log_in
from tests.e2e.worker import RUN_TIMEOUT_MS, api_get, api_post, snap
from tests.worker.flows_for_tests import path, stop

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("e2e_worker")]

CSV = "id,name\n1,ada\n2,grace\n3,edsger\n"
PROCESS_URL = re.compile(r"/processes/([^/?#]+)$")


def workspace_location(page: Page) -> Path:
    """The logged-in user's workspace on the server (this machine), as the Files API names it."""
    return Path(api_get(page, "/api/files/")["location"])


def row(page: Page, name: str):
    return page.get_by_role("row").filter(has=page.get_by_text(name, exact=True))


def uploads(page: Page):
    return page.get_by_role("region", name="Uploads")


def drop_file(page: Page, name: str, content: str) -> None:
    """Drag a file from the desktop onto the open folder (a real DataTransfer, as the browser makes)."""
    transfer = page.evaluate_handle(
        "([name, content]) => { const t = new DataTransfer();"
        " t.items.add(new File([content], name, { type: 'text/csv' })); return t }",
        [name, content],
    )
    zone = page.get_by_test_id("files-drop-zone")
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    expect(page.get_by_text("Drop to upload into in")).to_be_visible()
    zone.dispatch_event("dragover", {"dataTransfer": transfer})
    zone.dispatch_event("drop", {"dataTransfer": transfer})


def run_from_the_flow_list(page: Page, name: str) -> None:
    page.goto("/flows")
    page.get_by_role("row").filter(has_text=name).get_by_role("button", name="Run", exact=True).click()


def csv_flow(name: str, read: str, save: str) -> dict:
    return {
        "name": name,
        "stops": [
            stop("Read", "piflow.stops.csv.CsvParser", csvPath=read, header="true", delimiter=","),
            stop("Save", "piflow.stops.csv.CsvSave", csvSavePath=save, header="true", saveMode="overwrite"),
        ],
        "paths": [path("Read", "Save")],
        "positions": {"Read": {"x": 0, "y": 60}, "Save": {"x": 300, "y": 60}},
    }


def test_a_user_uploads_a_csv_in_the_files_page_and_a_flow_reads_it(page: Page, server, tmp_path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)

    # given: a newcomer on the Files page: an empty workspace of their own
    register_and_log_in(page, f"files-{secrets.token_hex(3)}")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Files").click()
    expect(page).to_have_url(re.compile(r"/files$"))
    expect(page.get_by_role("heading", name="Files")).to_be_visible()
    expect(page.get_by_text("This folder is empty.")).to_be_visible()
    workspace = workspace_location(page)
    expect(page.get_by_text(str(workspace), exact=True)).to_be_visible()

    # when: they make a folder "in" and open it
    page.get_by_role("button", name="New folder").click()
    dialog = page.get_by_role("dialog", name="New folder")
    dialog.get_by_label(re.compile(r"^Folder name")).fill("in")
    dialog.get_by_role("button", name="Create").click()
    expect(page.get_by_role("status").filter(has_text="Folder “in” created.")).to_be_visible()
    page.get_by_role("button", name="Open folder in").click()
    expect(page).to_have_url(re.compile(r"/files\?path=in$"))

    # ... upload a CSV with the button, and drop another one on the folder
    page.get_by_label("Files to upload").set_input_files(
        files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": CSV.encode()}]
    )
    expect(uploads(page).locator('[data-upload="people.csv"]').get_by_text("Uploaded")).to_be_visible()
    drop_file(page, "dropped.csv", "a,b\n1,2\n")
    expect(uploads(page).locator('[data-upload="dropped.csv"]').get_by_text("Uploaded")).to_be_visible()

    # then: both are listed with their sizes, and on the server's disk in the user's workspace
    expect(row(page, "people.csv")).to_contain_text(f"{len(CSV)} B")
    expect(row(page, "dropped.csv")).to_be_visible()
    assert (workspace / "in" / "people.csv").read_text() == CSV
    snap(page, "files-uploaded")

    # when: they download one
    with page.expect_download() as download:
        row(page, "people.csv").get_by_role("link", name="Download people.csv").click()
    assert Path(download.value.path()).read_text() == CSV

    # ... copy its path for a stop's path property
    row(page, "people.csv").get_by_role("button", name="Copy the path of people.csv").click()
    location = str(workspace / "in" / "people.csv")
    expect(page.get_by_role("status").filter(has_text=f"Path copied: {location}")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == location

    # ... and delete the dropped one, after confirming
    row(page, "dropped.csv").get_by_role("button", name="Delete dropped.csv").click()
    confirm = page.get_by_role("dialog", name="Delete file")
    expect(confirm).to_contain_text("Delete “dropped.csv”?")
    confirm.get_by_role("button", name="Delete").click()
    expect(row(page, "dropped.csv")).to_have_count(0)
    assert not (workspace / "in" / "dropped.csv").exists()

    # when: a flow reads the copied path and writes into the workspace, and they run it
    api_post(page, "/api/flows/", csv_flow("From my files", location, str(workspace / "copied")))
    run_from_the_flow_list(page, "From my files")
    expect(page).to_have_url(PROCESS_URL)
    expect(page.get_by_test_id("run-state")).to_have_attribute(
        "data-state", "COMPLETED", timeout=RUN_TIMEOUT_MS
    )

    # then: the output is in their workspace, on the Files page
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Files").click()
    page.get_by_role("button", name="Open folder copied").click()
    expect(page.get_by_role("cell", name=re.compile(r"^part-.*\.csv$"))).to_be_visible()
    written = next((workspace / "copied").glob("part-*.csv")).read_text()
    assert written.splitlines() == CSV.splitlines()
    snap(page, "files-output")

    # and the same flow aimed at the server's files is refused before it runs, naming the property
    refused = api_post(page, "/api/flows/", csv_flow("Not mine", "/etc/passwd", str(workspace / "x")))
    assert [(p["stop"], p["property"]) for p in refused["problems"]] == [("Read", "csvPath")]
    run_from_the_flow_list(page, "Not mine")
    refusal = page.get_by_role("dialog")
    expect(refusal).to_contain_text("Read · csvPath")
    expect(refusal).to_contain_text("'/etc/passwd' is not under a folder you may use")
    snap(page, "files-refused")
