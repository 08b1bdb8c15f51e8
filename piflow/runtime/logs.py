"""A log per run, written to the run's directory, with secrets masked."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from piflow.sdk.masking import mask_secrets, mask_url_passwords


class RedactingFilter(logging.Filter):
    """Masks secrets in a record's final message, traceback and stack.

    Each secret is masked where it stands as a whole value (``piflow.sdk.masking``: a one-letter
    password does not turn every such letter into a mask), and every password written into a URL
    (``//user:pass@``, ``password=...``) is masked whatever its value.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple({s for s in secrets if s})

    def redact(self, text: str) -> str:
        """``text`` with the secrets and URL passwords in it masked."""
        return mask_url_passwords(mask_secrets(text, self.secrets))

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self.redact(message), ()
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class RunLog:
    """The logger of one run: ``piflow.run.<run id>``, writing ``run.log``; close it when done."""

    FORMAT = "%(asctime)s %(levelname)s [%(stop)s] %(message)s"

    def __init__(self, run_id: str, path: Path, secrets: Iterable[str] = ()) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.logger = logging.getLogger(f"piflow.run.{run_id}")
        self.logger.setLevel(logging.INFO)
        self.handler = logging.FileHandler(path, encoding="utf-8")
        self.handler.setFormatter(logging.Formatter(self.FORMAT))
        self.handler.addFilter(_DefaultStop())
        self.redactor = RedactingFilter(secrets)
        self.handler.addFilter(self.redactor)
        self.logger.addHandler(self.handler)

    def for_stop(self, stop: str) -> logging.LoggerAdapter[logging.Logger]:
        return logging.LoggerAdapter(self.logger, {"stop": stop})

    def close(self) -> None:
        self.logger.removeHandler(self.handler)
        self.handler.close()


class _DefaultStop(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "stop"):
            record.stop = "flow"
        return True
