"""What the file stops share: a CSV-style schema, reading and writing files.

Their ``saveMode`` is ``piflow.sdk.SaveModeProperty``, as for the JDBC and Hive writers.
``FormatRead`` and ``FormatWrite`` are whole stops for a format Spark reads and writes with
its schema (ORC, Parquet): a concrete stop only names its bundle, groups and format.

Every save stop writes its input with ``save_and_pass`` (the write is an action inside
``perform``, then the input goes on unchanged to the default outport, as PiFlow does); the
string parsers hand their inline text to Spark's own readers through ``scratch_file``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from piflow.sdk import (
    Inputs,
    ListProperty,
    Outputs,
    PathProperty,
    Port,
    Property,
    SaveModeProperty,
    Stop,
    StopContext,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from piflow.sdk import Inputs, Outputs, StopContext


def quote_name(name: str) -> str:
    """A column name quoted for Spark SQL (DDL, ``F.col``), so dots and spaces stay literal."""
    return "`" + name.replace("`", "``") + "`"


def schema_ddl(text: str) -> str | None:
    """A PiFlow schema string as a Spark DDL schema, or ``None`` when blank.

    ``"title,author,pages"`` names string columns, as PiFlow does; ``"id:int,name"`` also gives
    a column its type (any Spark SQL type name: int, long, double, boolean, date, timestamp ...).
    """
    columns = []
    for item in text.split(","):
        name, _, type_name = item.partition(":")
        name = name.strip()
        if not name:
            continue
        columns.append(f"{quote_name(name)} {type_name.strip() or 'string'}")
    return ", ".join(columns) or None


def schema_names(text: str) -> list[str]:
    """The column names of a PiFlow schema string (types, if any, dropped)."""
    return [name for name in (item.partition(":")[0].strip() for item in text.split(",")) if name]


def scratch_file(ctx: StopContext, filename: str, text: str) -> str:
    """Write ``text`` into the stop's scratch directory; the file's URI, for Spark's readers."""
    path = Path(ctx.scratch_dir) / filename
    path.write_text(text, encoding="utf-8")
    return path.resolve().as_uri()


def save_frame(
    df: DataFrame,
    *,
    fmt: str,
    path: str,
    mode: str,
    options: Mapping[str, Any] | None = None,
    partitions: int | None = None,
    partition_by: Sequence[str] = (),
) -> None:
    """Write ``df`` to ``path`` in format ``fmt`` (an action: the files exist on return).

    ``partitions`` repartitions first, so the output has that many files; ``partition_by``
    lays the output out in ``column=value`` directories.
    """
    if partitions:
        df = df.repartition(partitions)
    writer = df.write.format(fmt).mode(mode)
    for key, value in (options or {}).items():
        writer = writer.option(key, value)
    if partition_by:
        writer = writer.partitionBy(*partition_by)
    writer.save(path)


def save_and_pass(inputs: Inputs, outputs: Outputs, ctx: StopContext, **save: Any) -> None:
    """Save the default input with ``save_frame(**save)`` and pass it on unchanged."""
    df = inputs.read()
    ctx.log.info("saving %s to %s (mode %s)", save.get("fmt"), save.get("path"), save.get("mode"))
    save_frame(df, **save)
    outputs.write(df, Port.DEFAULT)


class _FormatStop(Stop):
    """A stop for the files of one Spark format; ``bundle`` stays empty, so it is never registered.

    A subclass sets ``fmt`` (Spark's format name) and ``fmt_title`` (the format's name in the
    texts the canvas shows); ``{title}`` and ``{fmt}`` in the ``path`` property's description
    and example are filled in with them, in the subclass's own copy of the property.
    """

    fmt: ClassVar[str] = ""
    fmt_title: ClassVar[str] = ""
    path: ClassVar[Property]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.fmt:
            path = copy.copy(cls.path)
            path.description = path.description.format(title=cls.fmt_title, fmt=cls.fmt)
            path.example = path.example.format(title=cls.fmt_title, fmt=cls.fmt)
            cls.path = path


class FormatRead(_FormatStop):
    """Read files of the format ``fmt`` into a DataFrame (the schema comes from the files)."""

    inports = ()
    path = PathProperty(
        "Path",
        required=True,
        description="The {title} file, folder or glob to read.",
        example="hdfs://127.0.0.1:9000/test/data.{fmt}",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(ctx.spark.read.format(self.fmt).load(self.path))


class FormatWrite(_FormatStop):
    """Write the DataFrame as files of the format ``fmt``, and pass it on unchanged."""

    path = PathProperty(
        "Path",
        required=True,
        description="The folder the {title} files are written into.",
        example="hdfs://127.0.0.1:9000/test/out.{fmt}",
    )
    save_mode = SaveModeProperty(default="overwrite")
    partition_by = ListProperty(
        "Partition by",
        default=(),
        description="Comma-separated columns to partition the output directories by.",
        example="year,month",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        save_and_pass(
            inputs,
            outputs,
            ctx,
            fmt=self.fmt,
            path=self.path,
            mode=self.save_mode,
            partition_by=self.partition_by,
        )
