"""One ``celery worker`` subprocess, started and stopped (or killed) the way the tests need."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


class WorkerProcess:
    """One ``celery worker`` subprocess (in its own process group, with its JVM if it has one)."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.args = args
        self.env = env
        self.log = log
        self.proc: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def start(self, timeout: float = 240) -> WorkerProcess:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    str(CELERY),
                    "-A",
                    "piflow_site",
                    "worker",
                    "-n",
                    f"{self.name}@%h",
                    "-l",
                    "info",
                    *self.args,
                ],
                cwd=REPO,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.output()[offset:]
            if f"{self.name}@" in text and " ready." in text:
                return self
            if self.proc.poll() is not None:
                pytest.fail(
                    f"worker {self.name} exited ({self.proc.returncode}):\n{text[-4000:]}", pytrace=False
                )
            time.sleep(0.5)
        self.stop()
        pytest.fail(
            f"worker {self.name} not ready after {timeout} s:\n{self.output()[offset:][-4000:]}",
            pytrace=False,
        )

    def kill9(self) -> None:
        """What a crash looks like: SIGKILL to the worker alone (its JVM then exits with it)."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._kill_group(signal.SIGKILL)

    def stop(self, timeout: float = 60) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self._kill_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._kill_group(signal.SIGKILL)
                self.proc.wait(timeout=30)
        self._kill_group(signal.SIGKILL)  # anything left in the group (a JVM)
        self.proc = None

    def _kill_group(self, sig: int) -> None:
        assert self.proc is not None
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass
