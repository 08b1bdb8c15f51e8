"""The issue's "done when", in a real browser against the real server and a real worker.

A newcomer registers, logs in, creates a flow, drags MockData, Filter and CsvSave from the palette,
connects them, fills their properties, saves, runs the flow and watches every stop turn green with
the row counts on its paths; then debug-runs it, opens the rows of a path, and switches the
interface to Chinese. No step needs anything but the browser.

Screenshots: ``tests/e2e/artifacts/journey-*.png``.
"""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.test_pages import create_flow, field, register_and_log_in
from tests.e2e.test_workspace import workspace_location
from tests.e2e.worker import RUN_TIMEOUT_MS, api_get, snap

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("e2e_worker")]

STOPS = ("MockData", "Filter", "CsvSave")
PROCESS_URL = re.compile(r"/processes/([^/?#]+)$")


# -- the canvas (features/flow-editor): its palette, nodes and property panel ----------------------


def canvas_node(page: Page, name: str) -> Locator:
    return page.locator(f'.react-flow__node[data-id="{name}"]')


def properties(page: Page) -> Locator:
    return page.locator(".editor-panel")


def drag_from_palette(page: Page, stop: str, x: int, y: int) -> None:
    """Find ``stop`` with the palette's search, drag it onto the canvas at (x, y); it is then selected."""
    search = page.get_by_role("searchbox", name="Search stops")
    search.fill(stop)
    item = page.locator(f'.palette-item:has(.palette-item-name:text-is("{stop}"))').first
    item.drag_to(page.locator(".react-flow__pane"), target_position={"x": x, "y": y})
    expect(canvas_node(page, stop)).to_be_visible()
    expect(properties(page).get_by_role("heading", name=stop)).to_be_visible()
    search.fill("")


def connect(page: Page, source: str, target: str) -> None:
    """Draw a path from ``source``'s output port to ``target``'s input port."""
    canvas_node(page, source).locator(".react-flow__handle.source").first.drag_to(
        canvas_node(page, target).locator(".react-flow__handle.target").first
    )


# -- the monitor (features/monitor) ---------------------------------------------------------------


def monitor_node(page: Page, name: str) -> Locator:
    return page.locator(f'.react-flow__node [data-stop="{name}"]')


def rows_label(page: Page, a: str, b: str) -> Locator:
    return page.get_by_role("button", name=re.compile(rf"rows? from {re.escape(a)} to {re.escape(b)}\b"))


def rows_label_zh(page: Page, a: str, b: str) -> Locator:
    return page.get_by_role("button", name=re.compile(rf"从 {re.escape(a)} 到 {re.escape(b)} 的 \d+ 行"))


def every_stop_turns_green(page: Page) -> str:
    """Wait for the run on screen to complete, stop by stop; the run's id."""
    expect(page).to_have_url(PROCESS_URL)
    for name in STOPS:
        expect(monitor_node(page, name)).to_have_attribute("data-status", "completed", timeout=RUN_TIMEOUT_MS)
    expect(page.get_by_test_id("run-state")).to_have_attribute(
        "data-state", "COMPLETED", timeout=RUN_TIMEOUT_MS
    )
    return PROCESS_URL.search(page.url).group(1)


def test_register_draw_run_watch_debug_and_switch_to_chinese(page: Page):
    # given: a newcomer registers, logs in and creates a flow
    register_and_log_in(page, f"new-{secrets.token_hex(3)}")
    out_dir = workspace_location(page) / "journey-out"  # a newcomer's flows write into their workspace
    create_flow(page, "My first flow")
    page.get_by_role("row").filter(has_text="My first flow").get_by_role("link", name="Open canvas").click()
    expect(page).to_have_url(re.compile(r"/flows/\d+/edit$"))
    expect(page.locator(".react-flow__pane")).to_be_visible()

    # when: they drag three stops from the palette and fill their properties
    drag_from_palette(page, "MockData", 110, 160)
    field(properties(page), "Schema").fill("id:Int,name:String")
    field(properties(page), "Count").fill("300")
    drag_from_palette(page, "Filter", 340, 160)
    properties(page).locator('[data-property="condition"] .cm-content').click()
    page.keyboard.type("id < 50")
    drag_from_palette(page, "CsvSave", 570, 160)
    field(properties(page), "Save path").fill(str(out_dir))
    field(properties(page), "Header").select_option("true")

    # ... connect them, and save
    connect(page, "MockData", "Filter")
    connect(page, "Filter", "CsvSave")
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    page.get_by_role("toolbar").get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("All changes saved")).to_be_visible()
    expect(page.locator(".stop-node-invalid")).to_have_count(0)
    snap(page, "journey-canvas")

    # when: they run it from the canvas
    page.get_by_role("toolbar").get_by_role("button", name="Run", exact=True).click()

    # then: the monitor opens; every stop turns green and the paths carry their row counts
    run_id = every_stop_turns_green(page)
    expect(page.get_by_role("heading", name="My first flow")).to_be_visible()
    expect(rows_label(page, "MockData", "Filter")).to_have_text("300 rows")
    kept = next(
        p["rows"] for p in api_get(page, f"/api/processes/{run_id}/")["paths"] if p["from"] == "Filter"
    )
    assert 0 < kept < 300
    expect(rows_label(page, "Filter", "CsvSave")).to_have_text(f"{kept} row" + ("" if kept == 1 else "s"))
    assert list(out_dir.glob("*.csv")), f"the run wrote no CSV into {out_dir}"
    snap(page, "journey-monitor")

    # when: they go back to the canvas and debug-run the flow
    page.get_by_role("link", name="Open canvas").click()
    expect(page.locator(".react-flow__pane")).to_be_visible()
    page.get_by_role("toolbar").get_by_role("button", name="Debug run", exact=True).click()

    # then: the debug run completes, and a path's rows open as a table
    debug_id = every_stop_turns_green(page)
    assert debug_id != run_id
    # (no seed: MockData draws new rows each run)
    kept = next(
        p["rows"] for p in api_get(page, f"/api/processes/{debug_id}/")["paths"] if p["from"] == "Filter"
    )
    expect(page.get_by_text("Debug run", exact=True)).to_be_visible()
    rows_label(page, "Filter", "CsvSave").click()
    debug = page.get_by_test_id("debug-panel")
    expect(debug.get_by_role("heading", name="Rows from Filter to CsvSave")).to_be_visible()
    table = debug.get_by_role("table", name="Rows on the path")
    expect(table.locator("tbody tr")).to_have_count(min(kept, 50))
    expect(table.get_by_role("columnheader", name=re.compile(r"^id"))).to_be_visible()
    expect(debug.get_by_text(f"{kept} rows kept of {kept}")).to_be_visible()
    snap(page, "journey-debug")

    # when: they switch the interface to Chinese
    page.get_by_role("button", name="中文").click()

    # then: the monitor speaks Chinese at once, and still after a reload
    expect(page.get_by_role("navigation", name="主导航").get_by_role("link", name="运行记录")).to_be_visible()
    expect(page.get_by_role("region", name="运行图")).to_be_visible()
    expect(page.get_by_role("button", name="重新运行")).to_be_visible()
    expect(page.get_by_role("link", name="查看日志")).to_be_visible()
    expect(page.get_by_test_id("run-state")).to_have_text("已完成")
    expect(debug.get_by_role("heading", name="从 Filter 到 CsvSave 的数据行")).to_be_visible()
    expect(page.get_by_text("调试运行", exact=True)).to_be_visible()
    expect(rows_label_zh(page, "Filter", "CsvSave")).to_have_text(f"{kept} 行")
    snap(page, "journey-zh")
    page.reload()
    expect(page.get_by_role("region", name="运行图")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
