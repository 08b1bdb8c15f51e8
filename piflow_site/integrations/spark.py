"""Spark: the engine reads ``PIFLOW_SPARK_*`` and ``PIFLOW_DATA_DIR`` itself.

Django only records the values (for diagnostics, and as the place for SQLite, the embedded
Celery broker and the development secret key); nothing here starts a JVM.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import piflow


def spark_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """``PIFLOW_DATA_DIR`` (created if missing) and ``PIFLOW_SPARK_MASTER`` as the engine sees them."""
    return {
        "PIFLOW_DATA_DIR": piflow.data_dir(),
        "PIFLOW_SPARK_MASTER": environ.get("PIFLOW_SPARK_MASTER", "local[2]"),
    }
