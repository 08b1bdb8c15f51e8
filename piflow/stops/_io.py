"""What the file stops share: a CSV-style schema, reading and writing files.

Their ``saveMode`` is ``piflow.sdk.SaveModeProperty``, as for the JDBC and Hive writers.

Every save stop writes its input with ``save_and_pass`` (the write is an action inside
``perform``, then the input goes on unchanged to the default outport, as PiFlow does); the
string parsers hand their inline text to Spark's own readers through ``scratch_file``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piflow.sdk import Port

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
