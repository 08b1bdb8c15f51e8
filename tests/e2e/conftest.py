"""Browser tests: the real server (Daphne, ASGI) on a free port, its own database, and Chromium.

* ``frontend_dist``: builds the web UI (``frontend/build.sh``) when it is missing or stale.
* ``e2e_env``: the environment every process of these tests shares (server, and workers a test
  may start): a fresh data dir, a fresh database (a new PostgreSQL database next to
  ``DATABASE_URL`` when that is PostgreSQL, else SQLite in the data dir), a throwaway secret key,
  ``DJANGO_DEBUG=0``. ``manage(...)`` runs a management command in it.
* ``server``: ``daphne`` serving ``piflow_site.asgi`` (WebSockets included) in that environment.
* ``browser`` / ``page``: Playwright driving Debian's Chromium (``/usr/bin/chromium``; never
  ``playwright install``). A failing test leaves a screenshot in ``tests/e2e/artifacts/``.

Every test here is marked ``e2e``, and one that starts a worker (``e2e_worker``) ``worker`` too:
``make test-fast`` leaves them out.

The tests never touch the database from this process: everything goes through the browser or HTTP,
exactly as a person would. Fixtures are package-scoped so the browser's event loop is gone before
the rest of the suite runs (Django refuses ORM calls while one is running).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import REQUIRE_SERVICES

REPO = Path(__file__).resolve().parents[2]
FRONTEND = REPO / "frontend"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PYTHON = Path(sys.executable)
DAPHNE = PYTHON.with_name("daphne")

CHROMIUM = os.environ.get("PIFLOW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}


def pytest_itemcollected(item: pytest.Item) -> None:
    item.add_marker(pytest.mark.e2e)
    if "e2e_worker" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.worker)


def _fail_or_skip(message: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(message + " (PIFLOW_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- the web UI ---------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def frontend_dist() -> Path:
    """``frontend/dist``, built now if missing or older than its sources."""
    if shutil.which("npm") is None:
        pytest.fail(
            "the browser tests need the built web UI and npm is not on PATH: install Node.js 20.19+ "
            "and run `npm --prefix frontend ci && npm --prefix frontend run build`",
            pytrace=False,
        )
    result = subprocess.run(
        [str(FRONTEND / "build.sh")], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:
        pytest.fail(
            f"building the web UI failed (frontend/build.sh):\n{result.stdout[-3000:]}\n"
            f"{result.stderr[-3000:]}",
            pytrace=False,
        )
    index = FRONTEND / "dist" / "index.html"
    assert index.exists(), f"frontend/build.sh succeeded but {index} is missing"
    return index.parent


# -- the server's environment and database -----------------------------------------------------


def _postgres_database(url: str, name: str) -> tuple[str, Callable[[], None]]:
    """A new, empty database ``name`` on the server of ``url``; returns its URL and a dropper."""
    import psycopg

    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


@dataclass
class E2EEnvironment:
    env: dict[str, str]
    data_dir: Path
    logs: Path

    def manage(self, *args: str, timeout: float = 300, env: dict[str, str] | None = None) -> str:
        """Run ``manage.py ARGS`` against the e2e database; its output, or a failure with it."""
        result = subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=REPO,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            pytest.fail(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}", pytrace=False
            )
        return result.stdout


@pytest.fixture(scope="package")
def e2e_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[E2EEnvironment]:
    root = tmp_path_factory.mktemp("e2e")
    data_dir = root / "data"
    data_dir.mkdir()
    ARTIFACTS.mkdir(exist_ok=True)

    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST_", "DJANGO_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "piflow_site.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PIFLOW_DATA_DIR": str(data_dir),
            "PYTHONUNBUFFERED": "1",
        }
    )
    drop = None
    base_url = os.environ.get("DATABASE_URL", "").strip()
    if base_url.startswith(("postgres://", "postgresql://")):
        env["DATABASE_URL"], drop = _postgres_database(base_url, f"piflow_e2e_{os.getpid()}")
    else:
        env["DATABASE_URL"] = f"sqlite:///{data_dir / 'db.sqlite3'}"

    environment = E2EEnvironment(env=env, data_dir=data_dir, logs=ARTIFACTS)
    environment.manage("migrate", "--noinput")
    yield environment
    if drop is not None:
        drop()


# -- the server ---------------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    log: Path
    process: subprocess.Popen

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@pytest.fixture(scope="package")
def server(e2e_env: E2EEnvironment, frontend_dist: Path) -> Iterator[Server]:
    """Daphne on a free port, serving the API, the WebSockets and the built UI."""
    port = _free_port()
    log = ARTIFACTS / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(DAPHNE), "-b", "127.0.0.1", "-p", str(port), "piflow_site.asgi:application"],
            cwd=REPO,
            env=e2e_env.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    running = Server(url=url, log=log, process=process)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/auth/me", timeout=2)
        except urllib.error.HTTPError:
            break  # 401: the server answers
        except OSError:
            if process.poll() is not None:
                pytest.fail(
                    f"daphne exited ({process.returncode}):\n{running.output()[-4000:]}", pytrace=False
                )
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"daphne did not answer within 60 s:\n{running.output()[-4000:]}", pytrace=False)
            time.sleep(0.2)
        else:
            break
    yield running
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


# -- the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        _fail_or_skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set PIFLOW_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _fail_or_skip("the browser tests need the playwright package: pip install -e '.[dev]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[_FAILED] = report.failed


_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser, server: Server):
    """A fresh browser context (no cookies, English) on the server; a screenshot if the test fails."""
    context = browser.new_context(base_url=server.url, viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    if request.node.stash.get(_FAILED, False):
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a screenshot of the whole page as ``tests/e2e/artifacts/<name>.png``."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# -- a real worker, for the tests that run flows (tests/e2e/worker.py) ----------------------------

from tests.e2e.worker import e2e_worker  # noqa: E402, F401  (a fixture, made visible to every test here)
