"""PutHiveQL stop."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty
from piflow.stops.hive._hive import HiveNameProperty, quote_name

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


def split_statements(script: str) -> list[str]:
    """The ``;``-separated statements of a HiveQL script, without comments or blank ones.

    A ``;`` inside a quoted string or identifier ('...', "...", `...`) does not end a statement;
    ``--`` line comments and ``/* */`` block comments are dropped.
    """
    statements: list[str] = []
    current: list[str] = []
    quote = ""
    i, n = 0, len(script)
    while i < n:
        char = script[i]
        if quote:
            current.append(char)
            if char == "\\" and quote != "`" and i + 1 < n:
                current.append(script[i + 1])
                i += 1
            elif char == quote:
                quote = ""
        elif script.startswith("--", i):
            end = script.find("\n", i)
            i = n if end < 0 else end
            continue
        elif script.startswith("/*", i):
            end = script.find("*/", i + 2)
            i = n if end < 0 else end + 2
            current.append(" ")
            continue
        elif char == ";":
            statements.append("".join(current))
            current = []
        else:
            if char in "'\"`":
                quote = char
            current.append(char)
        i += 1
    statements.append("".join(current))
    return [s.strip() for s in statements if s.strip()]


def read_script(spark: SparkSession, path: str) -> str:
    """The text at ``path``: a local file (or ``file://`` URI), else any Hadoop file system URI."""
    if "://" not in path or path.startswith("file://"):
        return Path(path.removeprefix("file://")).expanduser().read_text(encoding="utf-8")
    return "\n".join(row.value for row in spark.read.text(path, wholetext=True).collect())


class PutHiveQL(Stop):
    """Run a file of HiveQL statements against a Hive database.

    The file holds statements separated by ``;`` (a ``;`` in quotes does not count; comments are
    skipped). They run one after another after ``USE <database>``; the session's current
    database is restored afterwards (while they run, it is changed for the whole shared session).
    When the last statement is a query, its result is the output; otherwise nothing is output.
    ``hiveQL_Path`` is a local path, or a URI of a file system Spark can read (hdfs://...).
    """

    bundle = "piflow.stops.hive.PutHiveQL"
    groups = ("Hive",)
    inports = ()
    hive_ql_path = StringProperty(
        "HiveQL file",
        name="hiveQL_Path",
        access="path",
        required=True,
        description="The file of ';'-separated HiveQL statements.",
        example="/opt/piflow/sql/load_dblp.hql",
    )
    database = HiveNameProperty(
        "Database",
        description="The database the statements run in.",
        example="sparktest",
        access="hive_database",
    )

    _statements: list[str] | None = None

    def runtime_statements(self, spark: SparkSession) -> list[str]:
        """The script's statements, read once: the run's SQL check sees exactly what ``perform`` runs."""
        if self._statements is None:
            self._statements = split_statements(read_script(spark, self.hive_ql_path))
        return self._statements

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        spark = ctx.spark
        statements = self.runtime_statements(spark)
        previous = spark.catalog.currentDatabase()
        result = None
        try:
            spark.sql(f"USE {quote_name(self.database)}")
            for number, statement in enumerate(statements, 1):
                ctx.log.info("HiveQL statement %d of %d", number, len(statements))
                result = spark.sql(statement)
        finally:
            spark.catalog.setCurrentDatabase(previous)
        if result is not None and result.columns:
            outputs.write(result)
