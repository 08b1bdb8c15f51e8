"""Start an isolated PiFlow for a benchmark: web server (Daphne) and, when asked, the Spark worker.

Everything lives in a fresh data dir (SQLite database, runs, metastore); Redis is used when
it answers on 127.0.0.1:6379 (a database number of its own, flushed first). The processes are
stopped when the ``with`` block ends.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REDIS_URL = "redis://127.0.0.1:6379/12"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Stack:
    """``with Stack(worker=True) as stack: stack.post(...)``"""

    def __init__(
        self,
        *,
        worker: bool = False,
        database_url: str | None = None,
        server: str = "daphne",
        web_workers: int = 1,
    ) -> None:
        self.worker = worker
        self.server = server
        self.web_workers = web_workers
        self.data_dir = Path(tempfile.mkdtemp(prefix="piflow-bench-stack-"))
        self.port = free_port()
        self.env = {
            **os.environ,
            "PIFLOW_DATA_DIR": str(self.data_dir),
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url or f"sqlite:///{self.data_dir / 'db.sqlite3'}",
            "REDIS_URL": REDIS_URL if redis_answers() else "",
            "PIFLOW_SPARK_CONF": "spark.ui.showConsoleProgress=false",
        }
        self.processes: list[subprocess.Popen] = []
        self.token = ""

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> Stack:
        if self.env["REDIS_URL"]:
            subprocess.run(
                [
                    str(BIN / "python"),
                    "-c",
                    "import redis,sys; redis.Redis.from_url(sys.argv[1]).flushdb()",
                    self.env["REDIS_URL"],
                ],
                check=True,
            )
        self.manage("migrate", "--noinput")
        self.token = (
            self.manage(
                "shell",
                "-c",
                (
                    "from django.contrib.auth.models import User; from accounts.services import token_create;"
                    "u = User.objects.create_user('bench', password='bench-pass-123', is_staff=True);"
                    "print(token_create(user=u, name='bench')[1])"
                ),
            )
            .strip()
            .splitlines()[-1]
        )
        if self.server == "gunicorn":
            self.spawn(
                "web",
                [
                    str(BIN / "gunicorn"),
                    "-b",
                    f"127.0.0.1:{self.port}",
                    "-w",
                    str(self.web_workers),
                    "-k",
                    "gthread",
                    "--threads",
                    "8",
                    "piflow_site.wsgi:application",
                ],
            )
        elif self.server == "uvicorn":
            self.spawn(
                "web",
                [
                    str(BIN / "uvicorn"),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--workers",
                    str(self.web_workers),
                    "--log-level",
                    "warning",
                    "piflow_site.asgi:application",
                ],
            )
        else:
            self.spawn(
                "web",
                [
                    str(BIN / "daphne"),
                    "-b",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "piflow_site.asgi:application",
                ],
            )
        if self.worker:
            self.worker_log = self.data_dir / "worker.log"
            self.spawn(
                "worker",
                [
                    str(BIN / "celery"),
                    "-A",
                    "piflow_site",
                    "worker",
                    "-n",
                    "bench-spark@%h",
                    "-Q",
                    "spark",
                    "--pool",
                    "threads",
                    "--concurrency",
                    "4",
                    "-l",
                    "info",
                ],
                log=self.worker_log,
            )
        self.wait_for_web()
        if self.worker:
            self.wait_for_log(self.worker_log, "PiFlow Spark worker ready", timeout=300)
        return self

    def __exit__(self, *exc: object) -> None:
        for process in reversed(self.processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
        for process in self.processes:
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout

    def spawn(self, name: str, command: list[str], log: Path | None = None) -> None:
        out = open(log or self.data_dir / f"{name}.log", "w")  # noqa: SIM115 - kept open for the child
        self.processes.append(
            subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    def wait_for_web(self, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                self.get("/stop/groups")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the web server did not answer")

    @staticmethod
    def wait_for_log(path: Path, text: str, timeout: float) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if path.exists() and text in path.read_text(errors="replace"):
                return
            time.sleep(0.2)
        raise RuntimeError(f"{path.name} never said {text!r}:\n{path.read_text(errors='replace')[-3000:]}")

    # -- HTTP --------------------------------------------------------------------------------
    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Token {self.token}"}

    def _call(self, method: str, path: str, body: object | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={**self.headers, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def get(self, path: str) -> object:
        return self._call("GET", path)

    def post(self, path: str, body: object) -> object:
        return self._call("POST", path, body)
