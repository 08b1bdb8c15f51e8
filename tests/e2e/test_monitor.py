"""The run monitor in a real browser, with a real worker running the flows.

A flow is posted through the API (the canvas has its own tests), started from the flow list, and
watched on ``/processes/<id>``: every stop turns green, the paths carry their row counts, a debug
run's path opens its rows, a checkpointed run offers "Run from checkpoint", and a failing stop
shows why on the graph. Screenshots: ``tests/e2e/artifacts/monitor-*.png``.
"""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_pages import register_and_log_in
from tests.e2e.test_workspace import workspace_location
from tests.e2e.worker import RUN_TIMEOUT_MS, api_get, api_post, small_flow, snap

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("e2e_worker")]

STOPS = ("Mock", "Filter", "Save")
PROCESS_URL = re.compile(r"/processes/([^/?#]+)$")


def node(page: Page, name: str):
    """A stop on the monitor's graph (canvas-core's node carries ``data-stop`` and ``data-status``)."""
    return page.locator(f'.react-flow__node [data-stop="{name}"]')


def rows_label(page: Page, a: str, b: str):
    """The row count drawn on the path from ``a`` to ``b`` (a button: it opens the path)."""
    return page.get_by_role("button", name=re.compile(rf"rows? from {re.escape(a)} to {re.escape(b)}\b"))


def start_from_the_flow_list(page: Page, flow_name: str, action: str = "Run") -> str:
    """Click Run (or Debug) in the flow's row; the monitor opens. The run's id."""
    page.goto("/flows")
    page.get_by_role("row").filter(has_text=flow_name).get_by_role("button", name=action, exact=True).click()
    expect(page).to_have_url(PROCESS_URL)
    match = PROCESS_URL.search(page.url)
    assert match
    return match.group(1)


def wait_until_completed(page: Page) -> None:
    for name in STOPS:
        expect(node(page, name)).to_have_attribute("data-status", "completed", timeout=RUN_TIMEOUT_MS)
    expect(page.get_by_test_id("run-state")).to_have_attribute(
        "data-state", "COMPLETED", timeout=RUN_TIMEOUT_MS
    )


def test_a_run_turns_every_stop_green_and_labels_its_paths_with_rows(page: Page):
    # given: a user with a three-stop flow, posted through the API
    register_and_log_in(page, f"mo-{secrets.token_hex(3)}")
    name = f"Monitored {secrets.token_hex(2)}"
    api_post(page, "/api/flows/", small_flow(name, str(workspace_location(page) / "out"), rows=200))

    # when: they run it from the flow list
    process_id = start_from_the_flow_list(page, name)

    # then: the monitor draws the flow, and every stop turns green as the events arrive
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_role("region", name="Graph of the run")).to_be_visible()
    wait_until_completed(page)
    expect(page.get_by_role("progressbar").first).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_role("button", name="Rerun")).to_be_visible()
    expect(page.get_by_role("button", name="Stop")).to_have_count(0)

    # and: each path carries the rows that crossed it, as the server counted them
    expect(rows_label(page, "Mock", "Filter")).to_have_text("200 rows")
    filtered = next(
        p["rows"] for p in api_get(page, f"/api/processes/{process_id}/")["paths"] if p["from"] == "Filter"
    )
    assert 0 < filtered < 200
    expect(rows_label(page, "Filter", "Save")).to_have_text(
        f"{filtered} row" + ("" if filtered == 1 else "s")
    )

    # when: they click a stop
    node(page, "Filter").click()

    # then: its state, times and rows out are shown beside the graph
    panel = page.get_by_test_id("stop-panel")
    expect(panel.get_by_role("heading", name="Filter")).to_be_visible()
    expect(panel.get_by_text("piflow.stops.common.Filter")).to_be_visible()
    expect(panel.get_by_test_id("stop-duration")).to_have_text(re.compile(r"^\d+(\.\d)?s$|^\d+m \d\ds$"))
    snap(page, "monitor-completed")

    # and: the log is one click away
    page.get_by_role("link", name="Open log").click()
    expect(page).to_have_url(re.compile(rf"/processes/{process_id}/log$"))


def test_a_debug_run_shows_the_rows_of_a_path_one_page_at_a_time(page: Page):
    # given: a flow, debug-run from the flow list until it completes
    register_and_log_in(page, f"dbg-{secrets.token_hex(3)}")
    name = f"Debugged {secrets.token_hex(2)}"
    api_post(page, "/api/flows/", small_flow(name, str(workspace_location(page) / "out"), rows=200))
    start_from_the_flow_list(page, name, action="Debug")
    expect(page.get_by_text("Debug run", exact=True)).to_be_visible()
    wait_until_completed(page)

    # when: they click the row count of the first path
    debug_pages: list[str] = []
    page.on("request", lambda request: "/debug/" in request.url and debug_pages.append(request.url))
    rows_label(page, "Mock", "Filter").click()

    # then: the path's schema and its first page of rows are shown, with the totals
    panel = page.get_by_test_id("debug-panel")
    expect(panel.get_by_role("heading", name="Rows from Mock to Filter")).to_be_visible()
    table = panel.get_by_role("table", name="Rows on the path")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name=re.compile(r"^id"))).to_be_visible()
    expect(table.get_by_role("columnheader", name=re.compile(r"^name"))).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(50)
    expect(panel.get_by_text("200 rows kept of 200")).to_be_visible()
    expect(panel.get_by_text("Rows 1–50 of 200")).to_be_visible()
    panel.get_by_text("Schema").click()
    expect(panel.get_by_role("cell", name="integer")).to_be_visible()
    snap(page, "monitor-debug-rows")

    # when: they page on
    panel.get_by_role("button", name="Next").click()

    # then: the next page comes from the server (never more than a page in the browser)
    expect(panel.get_by_text("Rows 51–100 of 200")).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(50)
    assert [re.search(r"offset=(\d+)", url).group(1) for url in debug_pages] == ["0", "50"]
    assert all("limit=50" in url for url in debug_pages)


def test_a_checkpointed_run_offers_to_run_from_its_checkpoints(page: Page):
    # given: a flow whose Filter is checkpointed, run to completion
    register_and_log_in(page, f"cp-{secrets.token_hex(3)}")
    name = f"Checkpointed {secrets.token_hex(2)}"
    out = str(workspace_location(page) / "out")
    api_post(page, "/api/flows/", small_flow(name, out, rows=200, checkpoints=("Filter",)))
    first = start_from_the_flow_list(page, name)
    wait_until_completed(page)

    # when: they ask to run from a checkpoint
    page.get_by_role("button", name="Run from checkpoint").click()

    # then: the checkpointed stops are listed, ticked
    dialog = page.get_by_role("dialog", name="Run from checkpoint")
    expect(dialog.get_by_role("checkbox", name="Filter", exact=True)).to_be_checked()
    snap(page, "monitor-run-from-checkpoint")

    # when: they start the new run
    dialog.get_by_role("button", name="Start the new run").click()

    # then: the monitor of the new run opens; Filter is loaded, so Mock is not needed
    expect(page).to_have_url(PROCESS_URL)
    expect(page).not_to_have_url(re.compile(rf"/processes/{first}$"))
    expect(node(page, "Save")).to_have_attribute("data-status", "completed", timeout=RUN_TIMEOUT_MS)
    expect(node(page, "Filter")).to_have_attribute("data-status", "completed")
    expect(node(page, "Mock")).to_have_attribute("data-status", "skipped")
    expect(page.get_by_test_id("run-state")).to_have_attribute(
        "data-state", "COMPLETED", timeout=RUN_TIMEOUT_MS
    )
    page.get_by_role("link", name="the earlier run").click()
    expect(page).to_have_url(re.compile(rf"/processes/{first}$"))


def test_a_failing_stop_shows_why_on_the_graph_and_beside_it(page: Page):
    # given: a flow whose filter names a column that does not exist
    register_and_log_in(page, f"fail-{secrets.token_hex(3)}")
    name = f"Failing {secrets.token_hex(2)}"
    flow = small_flow(name, str(workspace_location(page) / "out"), rows=20)
    flow["stops"][1]["properties"]["condition"] = "no_such_column < 1"
    api_post(page, "/api/flows/", flow)

    # when: it runs
    start_from_the_flow_list(page, name)

    # then: Filter turns red with the cause on the node, and the run says why it failed
    expect(node(page, "Filter")).to_have_attribute("data-status", "failed", timeout=RUN_TIMEOUT_MS)
    expect(node(page, "Filter").get_by_role("note")).to_contain_text("no_such_column")
    expect(node(page, "Mock")).to_have_attribute("data-status", "completed")
    expect(page.get_by_test_id("run-state")).to_have_attribute("data-state", "FAILED", timeout=RUN_TIMEOUT_MS)
    expect(page.get_by_role("alert").filter(has_text="Why the run failed")).to_contain_text("no_such_column")

    # when: they click the failed stop
    node(page, "Filter").click()

    # then: the whole error is in the side panel
    panel = page.get_by_test_id("stop-panel")
    expect(panel.get_by_role("alert")).to_contain_text("no_such_column")
    snap(page, "monitor-failed")
