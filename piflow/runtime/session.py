"""One lazily created, warm SparkSession per process, shared by every run.

The JVM starts on the first ``get_spark()`` and never again in that process: a second flow
reuses the session. Configuration comes from ``SparkSettings`` (by default from the
environment), read only when the session is first made.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: JDBC drivers Debian ships; added to the session's classpath when present.
DEBIAN_JDBC_JARS = (
    "/usr/share/java/postgresql.jar",
    "/usr/share/java/mariadb-java-client.jar",
    "/usr/share/java/xerial-sqlite-jdbc.jar",
)


def data_dir() -> Path:
    """PiFlow's working directory: runs, checkpoints, debug data, the Hive warehouse."""
    path = Path(os.environ.get("PIFLOW_DATA_DIR") or Path.home() / ".piflow").expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def metastore_dir(base: Path) -> Path:
    """Where the embedded Derby metastore lives: ``PIFLOW_METASTORE_DIR`` or ``<data dir>/metastore``.

    Derby admits one JVM at a time, so two processes that both need Hive must not share it.
    """
    return Path(os.environ.get("PIFLOW_METASTORE_DIR") or base / "metastore").expanduser().resolve()


def _parse_conf(text: str) -> dict[str, str]:
    """``PIFLOW_SPARK_CONF``: a JSON object, or ``key=value`` pairs separated by ``;`` or newlines."""
    text = text.strip()
    if not text:
        return {}
    if text.startswith("{"):
        return {str(k): str(v) for k, v in json.loads(text).items()}
    pairs = [item.split("=", 1) for item in text.replace("\n", ";").split(";") if "=" in item]
    return {key.strip(): value.strip() for key, value in pairs}


@dataclass(frozen=True)
class SparkSettings:
    """How the process's SparkSession is built."""

    master: str = "local[2]"
    app_name: str = "piflow"
    conf: Mapping[str, str] = field(default_factory=dict)
    jars: tuple[str, ...] = ()
    hive: bool = True
    data_dir: Path | None = None

    @classmethod
    def from_env(cls) -> SparkSettings:
        extra = tuple(j for j in os.environ.get("PIFLOW_SPARK_JARS", "").split(",") if j.strip())
        return cls(
            master=os.environ.get("PIFLOW_SPARK_MASTER", "local[2]"),
            conf=_parse_conf(os.environ.get("PIFLOW_SPARK_CONF", "")),
            jars=extra,
            hive=os.environ.get("PIFLOW_SPARK_HIVE", "1").lower() not in ("0", "false", "no"),
            data_dir=data_dir(),
        )

    def all_jars(self) -> list[str]:
        return [*self.jars, *(jar for jar in DEBIAN_JDBC_JARS if Path(jar).exists())]

    def spark_conf(self) -> dict[str, str]:
        """The full configuration: PiFlow's defaults, then the user's ``conf`` on top."""
        base = self.data_dir or data_dir()
        conf = {
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.sql.session.timeZone": "UTC",
            "spark.sql.warehouse.dir": str(base / "warehouse"),
            "spark.driver.extraJavaOptions": f"-Dderby.system.home={metastore_dir(base)}",
            "spark.sql.adaptive.enabled": "true",
        }
        if self.master.startswith("local"):
            conf["spark.sql.shuffle.partitions"] = "4"
            conf["spark.driver.host"] = "127.0.0.1"
            conf["spark.driver.bindAddress"] = "127.0.0.1"
        jars = self.all_jars()
        if jars:
            conf["spark.jars"] = ",".join(jars)
        conf.update(self.conf)
        return conf


_session: SparkSession | None = None
_lock = threading.Lock()


def get_spark(settings: SparkSettings | None = None) -> SparkSession:
    """The process's SparkSession, created on first call (with ``settings`` or the environment)."""
    global _session
    with _lock:
        if _session is None:
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            # Python workers must use this interpreter (and its packages), not whatever is on PATH.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            from pyspark.sql import SparkSession

            settings = settings or SparkSettings.from_env()
            builder = SparkSession.builder.master(settings.master).appName(settings.app_name)
            for key, value in settings.spark_conf().items():
                builder = builder.config(key, value)
            if settings.hive:
                builder = builder.enableHiveSupport()
            _session = builder.getOrCreate()
            _session.sparkContext.setLogLevel(os.environ.get("PIFLOW_SPARK_LOG_LEVEL", "WARN"))
        return _session


def spark_started() -> bool:
    """Whether this process already has its SparkSession (and so its JVM)."""
    return _session is not None


def stop_spark() -> None:
    """Stop the process's session (tests and shutdown only)."""
    global _session
    with _lock:
        if _session is not None:
            _session.stop()
            _session = None
