"""A newcomer's first minutes in the browser: register, log in, create a flow, switch to Chinese.

Screenshots of the main pages are kept in ``tests/e2e/artifacts/`` (login, dashboard, flow list,
process list, and the flow list in Chinese).
"""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Page, expect

from tests.e2e.conftest import E2EEnvironment, screenshot

PASSWORD = "a-Long-enough-passw0rd"


def field(scope, label: str):
    """The input labelled ``label`` exactly (a required field's label ends with a red star)."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}\s*\*?$"))


def register_and_log_in(page: Page, username: str) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))
    page.get_by_role("link", name="Create one").click()
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    field(page, "User name").fill(username)
    field(page, "Password").fill(PASSWORD)
    field(page, "Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("status")).to_contain_text(f"Account “{username}” created")
    expect(field(page, "User name")).to_have_value(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def create_flow(page: Page, name: str) -> None:
    page.goto("/flows")
    page.get_by_role("button", name="New flow").first.click()
    dialog = page.get_by_role("dialog")
    field(dialog, "Name").fill(name)
    dialog.get_by_role("button", name="Create").click()
    expect(page.get_by_role("row").filter(has_text=name)).to_be_visible()


def test_register_log_in_create_a_flow_and_switch_to_chinese(page: Page):
    # given: a newcomer on the login page
    username = f"ada-{secrets.token_hex(3)}"
    page.goto("/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    screenshot(page, "login")

    # when: they register and log in
    register_and_log_in(page, username)

    # then: the dashboard shows the machine and the counts
    expect(page.get_by_text("Runs by state")).to_be_visible()
    expect(page.get_by_role("meter", name="CPU")).to_be_visible()
    expect(page.get_by_role("button", name=username)).to_be_visible()
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)  # not an admin
    screenshot(page, "dashboard")

    # when: they create a flow in the list
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Flows").click()
    expect(page).to_have_url(re.compile(r"/flows$"))
    page.get_by_role("button", name="New flow").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Driver memory")).to_have_value("1g")
    expect(dialog.get_by_label("Executors")).to_have_value("1")
    field(dialog, "Name").fill("Nightly CSV import")
    dialog.get_by_label("Description").fill("Reads the day's CSV files into Parquet.")
    dialog.get_by_role("button", name="Create").click()

    # then: it is listed, with a link to its canvas, and still there after a reload
    expect(page.get_by_role("status")).to_contain_text("Flow “Nightly CSV import” created.")
    row = page.get_by_role("row").filter(has_text="Nightly CSV import")
    expect(row).to_be_visible()
    expect(row.get_by_role("link", name="Open canvas")).to_have_attribute(
        "href", re.compile(r"^/flows/\d+/edit$")
    )
    page.reload()
    expect(page.get_by_role("row").filter(has_text="Nightly CSV import")).to_be_visible()
    screenshot(page, "flow-list")

    # when: they look at the process list (no runs yet)
    page.get_by_role("link", name="Processes").click()
    expect(page.get_by_role("heading", name="Processes")).to_be_visible()
    expect(page.get_by_text("No runs yet.")).to_be_visible()
    screenshot(page, "process-list")

    # when: they switch to Chinese
    page.get_by_role("button", name="中文").click()

    # then: the page changes at once, and the choice survives a reload
    nav = page.get_by_role("navigation", name="主导航")
    expect(nav.get_by_role("link", name="流水线")).to_be_visible()
    expect(nav.get_by_role("link", name="运行记录")).to_be_visible()
    expect(page.get_by_role("heading", name="运行记录")).to_be_visible()
    page.goto("/flows")
    expect(page.get_by_role("heading", name="流水线")).to_be_visible()
    expect(page.get_by_role("button", name="新建流水线").first).to_be_visible()
    expect(
        page.get_by_role("row").filter(has_text="Nightly CSV import").get_by_role("link", name="打开画布")
    ).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    screenshot(page, "flow-list-zh")
    page.goto("/")
    expect(page.get_by_text("按状态统计的运行")).to_be_visible()
    screenshot(page, "dashboard-zh")


def test_wrong_password_and_taken_user_name_are_explained(page: Page):
    # given: a registered user
    username = f"bob-{secrets.token_hex(3)}"
    register_and_log_in(page, username)
    page.get_by_role("button", name=username).click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()

    # when: they log in with a wrong password
    field(page, "User name").fill(username)
    field(page, "Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()

    # then
    expect(page.get_by_role("alert")).to_have_text("Wrong user name or password.")

    # when: someone registers the same name again, with a weak password
    page.get_by_role("link", name="Create one").click()
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    field(page, "User name").fill(username)
    field(page, "Password").fill("123")
    field(page, "Password again").fill("123")
    page.get_by_role("button", name="Create account").click()

    # then: the server's reason shows under the user name
    expect(page.get_by_text("a user with that username already exists")).to_be_visible()
    screenshot(page, "register-errors")


def test_a_deep_link_survives_a_reload_and_asks_for_a_login_first(page: Page):
    # when: an anonymous visitor opens a page deep inside the app
    page.goto("/processes?state=FAILED")

    # then: they log in first and land where they were going
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fprocesses%3Fstate%3DFAILED$"))
    username = f"cy-{secrets.token_hex(3)}"
    page.get_by_role("link", name="Create one").click()
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    field(page, "User name").fill(username)
    field(page, "Password").fill(PASSWORD)
    field(page, "Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("status")).to_contain_text("created")
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/processes\?state=FAILED$"))
    expect(page.get_by_role("combobox", name="State")).to_have_value("FAILED")
    page.reload()
    expect(page.get_by_role("combobox", name="State")).to_have_value("FAILED")
    expect(page.get_by_text("No runs in this state.")).to_be_visible()


def test_a_run_is_listed_stopped_logged_and_deleted(page: Page):
    # given: a flow (no worker serves these tests, so its run stays queued until stopped)
    register_and_log_in(page, f"dee-{secrets.token_hex(3)}")
    create_flow(page, "Queued flow")

    # when: it is run from the list
    page.get_by_role("row").filter(has_text="Queued flow").get_by_role("button", name="Run").click()

    # then: the run's page opens
    expect(page).to_have_url(re.compile(r"/processes/[^/]+$"))
    expect(page.get_by_role("heading", name="Queued flow")).to_be_visible()
    expect(page.get_by_text("Queued", exact=True)).to_be_visible()

    # when: the process list is opened
    page.get_by_role("link", name="Processes").click()
    row = page.get_by_role("row").filter(has_text="Queued flow")

    # then: the run is there with its trigger, progress and state
    expect(row.get_by_text("Manual")).to_be_visible()
    expect(row.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "0")
    expect(row.get_by_text("Queued", exact=True)).to_be_visible()
    screenshot(page, "process-list-with-run")

    # when: it is stopped
    row.get_by_role("button", name="Stop").click()

    # then: it ends killed, and can be rerun or deleted
    expect(row.get_by_text("Killed", exact=True)).to_be_visible()
    expect(row.get_by_role("button", name="Rerun")).to_be_visible()
    page.get_by_role("combobox", name="State").select_option("KILLED")
    expect(page).to_have_url(re.compile(r"/processes\?state=KILLED$"))
    expect(page.get_by_role("row").filter(has_text="Queued flow")).to_be_visible()

    # when: its log is opened
    row = page.get_by_role("row").filter(has_text="Queued flow")
    row.get_by_role("button", name="More").click()
    page.get_by_role("menuitem", name="Log").click()

    # then: the log page says there is nothing (the run never started)
    expect(page.get_by_role("heading", name="Log of “Queued flow”")).to_be_visible()
    expect(page.get_by_text("The log is empty.")).to_be_visible()
    screenshot(page, "process-log")

    # when: the run is deleted from the list
    page.go_back()
    row = page.get_by_role("row").filter(has_text="Queued flow")
    row.get_by_role("button", name="More").click()
    page.get_by_role("menuitem", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete").click()

    # then
    expect(page.get_by_text("No runs in this state.")).to_be_visible()


def test_an_admin_sees_the_admin_entry(page: Page, e2e_env: E2EEnvironment):
    # given: an admin made on the command line
    username = f"root-{secrets.token_hex(3)}"
    e2e_env.manage(
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        "root@example.com",
        env={"DJANGO_SUPERUSER_PASSWORD": PASSWORD},
    )

    # when: they log in
    page.goto("/login")
    field(page, "User name").fill(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # then: the header links to Django's admin, which opens logged in
    admin = page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Admin")
    expect(admin).to_have_attribute("href", "/admin/")
    page.get_by_role("button", name=username).click()
    expect(page.get_by_role("menu")).to_contain_text("Administrator")
    admin.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#site-name")).to_be_visible()
