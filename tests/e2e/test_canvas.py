"""The canvas editor in a real browser: draw a three-stop flow from the palette, connect it, fill
its properties, save, reload; validation problems on the stops; a stale save's conflict dialog.

Screenshots land in ``tests/e2e/artifacts/`` (``canvas-*.png``).
"""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import screenshot
from tests.e2e.test_pages import create_flow, field, register_and_log_in
from tests.e2e.test_workspace import workspace_location


def open_new_flow(page: Page, name: str) -> None:
    register_and_log_in(page, f"cv-{secrets.token_hex(3)}")
    create_flow(page, name)
    page.get_by_role("row").filter(has_text=name).get_by_role("link", name="Open canvas").click()
    expect(page).to_have_url(re.compile(r"/flows/\d+/edit$"))
    expect(page.locator(".react-flow__pane")).to_be_visible()


def node(page: Page, name: str) -> Locator:
    return page.locator(f'.react-flow__node[data-id="{name}"]')


def panel(page: Page) -> Locator:
    return page.locator(".editor-panel")


def drop_stop(page: Page, stop: str, x: int, y: int) -> None:
    """Drag ``stop`` from the palette onto the canvas at (x, y) of the canvas' box."""
    page.get_by_role("searchbox", name="Search stops").fill(stop)
    item = page.locator(f'.palette-item:has(.palette-item-name:text-is("{stop}"))').first
    item.drag_to(page.locator(".react-flow__pane"), target_position={"x": x, "y": y})
    expect(node(page, stop)).to_be_visible()
    # the new stop is selected: the panel shows it
    expect(panel(page).get_by_role("heading", name=stop)).to_be_visible()
    page.get_by_role("searchbox", name="Search stops").fill("")


def connect(page: Page, source: str, target: str) -> None:
    out = node(page, source).locator(".react-flow__handle.source").first
    into = node(page, target).locator(".react-flow__handle.target").first
    out.drag_to(into)


def property_input(page: Page, label: str) -> Locator:
    return field(panel(page), label)


def sql_editor(page: Page, prop: str) -> Locator:
    return panel(page).locator(f'[data-property="{prop}"] .cm-content')


# How far (px, flow coordinates) each drawn path's ends are from the handles they attach to. The
# canvas tells xyflow where handles are before the browser lays nodes out (canvas-core/geometry.ts);
# were that off, paths would end beside their ports.
PATH_END_OFFSET = """() => {
  const viewport = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
  const flow = document.querySelector('.react-flow').getBoundingClientRect();
  const toFlow = (x, y) => [(x - flow.left - viewport.e) / viewport.a, (y - flow.top - viewport.f) / viewport.d];
  const anchors = (kind) => [...document.querySelectorAll('.react-flow__handle.' + kind)].map((h) => {
    const r = h.getBoundingClientRect();
    return toFlow(kind === 'source' ? r.right : r.left, r.top + r.height / 2);
  });
  const sources = anchors('source'), targets = anchors('target');
  const nearest = (list, [x, y]) => Math.min(...list.map(([a, b]) => Math.hypot(a - x, b - y)));
  let worst = 0;
  for (const path of document.querySelectorAll('.react-flow__edge-path')) {
    const n = path.getAttribute('d').match(/-?[0-9.]+/g).map(Number);
    worst = Math.max(worst, nearest(sources, [n[0], n[1]]), nearest(targets, [n[n.length - 2], n[n.length - 1]]));
  }
  return worst;
}"""


def save(page: Page) -> None:
    page.get_by_role("toolbar").get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("All changes saved")).to_be_visible()


def test_draw_connect_fill_save_and_reload_a_three_stop_flow(page: Page):
    # given: a new, empty flow open on the canvas
    open_new_flow(page, "Drawn on the canvas")
    expect(panel(page).get_by_role("heading", name="Flow")).to_be_visible()
    out_dir = workspace_location(page) / "out"  # an ordinary user's flows write into their workspace

    # when: three stops are dragged from the palette, and their properties filled
    drop_stop(page, "MockData", 110, 160)
    property_input(page, "Schema").fill("id:Int,name:String")
    property_input(page, "Count").fill("20")

    drop_stop(page, "Filter", 340, 160)
    sql_editor(page, "condition").click()
    page.keyboard.type("id >= 10")

    drop_stop(page, "CsvSave", 570, 160)
    property_input(page, "Save path").fill(str(out_dir))
    property_input(page, "Header").select_option("true")

    # ... and connected, output port to input port
    connect(page, "MockData", "Filter")
    connect(page, "Filter", "CsvSave")

    # then: two paths are drawn, from port to port; a path that would close a cycle is refused
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    assert page.evaluate(PATH_END_OFFSET) < 1
    connect(page, "CsvSave", "Filter")  # a cycle, into an input port already taken
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    expect(node(page, "MockData").locator(".react-flow__handle.target")).to_have_count(0)  # a source
    expect(page.get_by_text("Unsaved changes")).to_be_visible()
    screenshot(page, "canvas-drawn")

    # when: it is saved and the page reloaded
    save(page)
    expect(page.locator(".stop-node-invalid")).to_have_count(0)
    page.reload()

    # then: stops, paths, positions and properties are all back
    expect(page.locator(".react-flow__node")).to_have_count(3)
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    first = node(page, "MockData").bounding_box()
    last = node(page, "CsvSave").bounding_box()
    assert first and last and first["x"] < last["x"], "positions were not kept"
    node(page, "MockData").click()
    expect(property_input(page, "Schema")).to_have_value("id:Int,name:String")
    expect(property_input(page, "Count")).to_have_value("20")
    node(page, "Filter").click()
    expect(sql_editor(page, "condition")).to_have_text("id >= 10")
    node(page, "CsvSave").click()
    expect(property_input(page, "Save path")).to_have_value(str(out_dir))
    expect(property_input(page, "Header")).to_have_value("true")
    screenshot(page, "canvas-reloaded")

    # when: the interface is switched to Chinese
    page.get_by_role("button", name="中文").click()

    # then: the canvas speaks it at once
    toolbar = page.get_by_role("toolbar")
    expect(toolbar.get_by_role("button", name="保存", exact=True)).to_be_visible()
    expect(toolbar.get_by_role("button", name="调试运行")).to_be_visible()
    expect(page.get_by_role("tab", name="属性")).to_be_visible()
    expect(page.get_by_role("searchbox", name="搜索组件")).to_be_visible()
    screenshot(page, "canvas-zh")
    page.get_by_role("button", name="EN", exact=True).click()


def test_undo_redo_and_delete_with_the_keyboard(page: Page):
    # given: two connected stops
    open_new_flow(page, "Undo on the canvas")
    drop_stop(page, "MockData", 150, 150)
    drop_stop(page, "ShowData", 420, 150)
    connect(page, "MockData", "ShowData")
    expect(page.locator(".react-flow__edge")).to_have_count(1)

    # when: the selected stop is deleted with the keyboard (not while typing in a field)
    property_input(page, "Rows to show").press("Backspace")
    expect(node(page, "ShowData")).to_have_count(1)
    node(page, "ShowData").click()
    page.keyboard.press("Delete")

    # then: it and its path are gone; undo brings both back, redo removes them again
    expect(node(page, "ShowData")).to_have_count(0)
    expect(page.locator(".react-flow__edge")).to_have_count(0)
    page.keyboard.press("Control+z")
    expect(node(page, "ShowData")).to_have_count(1)
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    page.keyboard.press("Control+Shift+z")
    expect(node(page, "ShowData")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(node(page, "ShowData")).to_have_count(1)

    # when: the stop is renamed in its info tab, first to a name already taken
    node(page, "ShowData").click()
    panel(page).get_by_role("tab", name="Stop").click()
    name = field(panel(page), "Name")
    name.fill("MockData")
    expect(panel(page).get_by_text("Another stop in this flow has this name.")).to_be_visible()
    name.fill("Preview")
    name.press("Enter")

    # then: the node and its path follow the new name; the info tab shows kind, group and ports
    expect(node(page, "Preview")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    expect(panel(page).locator(".info-list")).to_contain_text("ShowData")
    expect(panel(page).locator(".info-list")).to_contain_text("Default port")
    screenshot(page, "canvas-stop-info")

    # when: they leave for the flow list without saving
    page.get_by_role("link", name="← Flows").click()

    # then: they are asked first, and can stay
    leave = page.get_by_role("dialog")
    expect(leave.get_by_role("heading", name="Leave without saving?")).to_be_visible()
    leave.get_by_role("button", name="Cancel").click()
    expect(page).to_have_url(re.compile(r"/flows/\d+/edit$"))
    expect(node(page, "Preview")).to_be_visible()


def test_a_missing_required_property_shows_its_problem_on_the_stop(page: Page):
    # given: a MockData whose schema and count are left empty
    open_new_flow(page, "Incomplete flow")
    drop_stop(page, "MockData", 200, 200)

    # when: it is saved
    save(page)

    # then: the stop is outlined in red with the problem, listed in the panel and under the field
    stop = node(page, "MockData")
    expect(stop.locator(".stop-node-invalid")).to_be_visible()
    expect(stop).to_contain_text("Schema: is required")
    expect(panel(page).get_by_role("alert")).to_contain_text("Schema: is required")
    expect(panel(page).locator('[data-property="schema"] .field-errors')).to_have_text("is required")
    screenshot(page, "canvas-problems")

    # when: nothing is selected, the flow panel lists every problem with its stop
    page.locator(".react-flow__pane").click(position={"x": 600, "y": 500})
    expect(panel(page).get_by_role("heading", name="Flow")).to_be_visible()
    problems = panel(page).get_by_role("alert")
    expect(problems).to_contain_text("2 problems")
    expect(problems.get_by_role("button", name="MockData").first).to_be_visible()

    # when: the properties are filled and it is saved again, the problems go away
    problems.get_by_role("button", name="MockData").first.click()
    property_input(page, "Schema").fill("id:Int")
    property_input(page, "Count").fill("3")
    save(page)
    expect(page.locator(".stop-node-invalid")).to_have_count(0)

    # when: it is changed again and debug-run straight away
    flow_id = re.search(r"/flows/(\d+)/edit", page.url).group(1)
    property_input(page, "Count").fill("4")
    page.get_by_role("toolbar").get_by_role("button", name="Debug run").click()

    # then: the change is saved first, and the run's page opens
    expect(page).to_have_url(re.compile(r"/processes/[^/]+$"))
    stored = page.request.get(f"/api/flows/{flow_id}/").json()
    assert stored["stops"][0]["properties"]["count"] == "4"

    # (no worker serves these tests: stop the queued run, so a worker a later test starts skips it)
    process_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    assert page.request.post(f"/api/processes/{process_id}/stop/", headers={"X-CSRFToken": token}).ok


def test_a_stale_save_shows_the_conflict_dialog_and_reloads(page: Page):
    # given: a flow open on the canvas, with an unsaved stop
    open_new_flow(page, "Edited twice")
    flow_id = re.search(r"/flows/(\d+)/edit", page.url).group(1)
    drop_stop(page, "MockData", 200, 200)

    # when: someone else saves the flow meanwhile (here: the same user, through the API)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    current = page.request.get(f"/api/flows/{flow_id}/").json()
    reply = page.request.patch(
        f"/api/flows/{flow_id}/",
        headers={"X-CSRFToken": token},
        data={"revision": current["revision"], "description": "Changed elsewhere"},
    )
    assert reply.ok, reply.text()
    page.get_by_role("toolbar").get_by_role("button", name="Save", exact=True).click()

    # then: the conflict is explained and a reload is offered
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Someone else changed this flow")).to_be_visible()
    screenshot(page, "canvas-conflict")
    dialog.get_by_role("button", name="Reload their version").click()

    # then: their version is shown (without the unsaved stop)
    expect(dialog).to_have_count(0)
    expect(page.locator(".react-flow__node")).to_have_count(0)
    expect(panel(page).get_by_label("Description")).to_have_value("Changed elsewhere")
    expect(page.get_by_text("All changes saved")).to_be_visible()


def test_fork_merge_and_route_ports_are_named_as_paths_are_drawn(page: Page):
    # given: a source, a Fork, a Merge, a Route and a Filter
    open_new_flow(page, "Named ports")
    flow_id = re.search(r"/flows/(\d+)/edit", page.url).group(1)
    drop_stop(page, "MockData", 110, 90)
    drop_stop(page, "Fork", 340, 90)
    drop_stop(page, "Merge", 570, 90)
    drop_stop(page, "Route", 340, 330)
    drop_stop(page, "Filter", 570, 330)
    connect(page, "MockData", "Fork")

    # when: a path is drawn from Fork's "+ port" to Merge's "+ port"
    node(page, "Fork").locator(".react-flow__handle.stop-handle-any").drag_to(
        node(page, "Merge").locator(".react-flow__handle.stop-handle-any")
    )

    # then: both port names are asked for, and land in the stops' port lists
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label(re.compile(r"^Output port of Fork"))).to_have_value("out1")
    dialog.get_by_label(re.compile(r"^Input port of Merge")).fill("left")
    dialog.get_by_role("button", name="Connect").click()
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    node(page, "Merge").click()
    expect(property_input(page, "Inports")).to_have_value("left")

    # when: Fork's "+ port" is used again, into the Route
    node(page, "Fork").locator(".react-flow__handle.stop-handle-any").drag_to(
        node(page, "Route").locator(".react-flow__handle.target").first
    )
    expect(dialog.get_by_label(re.compile(r"^Output port of Fork"))).to_have_value("out2")
    dialog.get_by_role("button", name="Connect").click()
    node(page, "Fork").click()
    expect(property_input(page, "Outports")).to_have_value("out1,out2")

    # when: a path leaves Route's "+ condition"
    node(page, "Route").locator(".react-flow__handle.stop-handle-route").drag_to(
        node(page, "Filter").locator(".react-flow__handle.target").first
    )
    dialog.get_by_label(re.compile(r"^Port name")).fill("adults")
    dialog.locator(".cm-content").click()
    page.keyboard.type("age >= 18")
    screenshot(page, "canvas-route-dialog")
    dialog.get_by_role("button", name="Connect").click()

    # then: the condition labels the path and is the Route's customized property
    expect(page.locator(".react-flow__edge")).to_have_count(4)
    expect(page.locator(".react-flow__edge-text").filter(has_text="age >= 18")).to_be_visible()
    assert page.evaluate(PATH_END_OFFSET) < 1
    save(page)
    screenshot(page, "canvas-ports")
    stored = page.request.get(f"/api/flows/{flow_id}/").json()
    paths = {(p["from"], p["outport"], p["inport"], p["to"]) for p in stored["paths"]}
    assert paths == {
        ("MockData", "", "", "Fork"),
        ("Fork", "out1", "left", "Merge"),
        ("Fork", "out2", "", "Route"),
        ("Route", "adults", "", "Filter"),
    }
    stops = {s["name"]: s for s in stored["stops"]}
    assert stops["Route"]["customizedProperties"] == {"adults": "age >= 18"}
    assert stops["Fork"]["properties"]["outports"] == "out1,out2"
    assert stops["Merge"]["properties"]["inports"] == "left"
