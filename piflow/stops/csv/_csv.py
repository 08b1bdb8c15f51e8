"""What the CSV stops share: the delimiter property, and reading CSV by a PiFlow schema."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piflow.sdk import StringProperty
from piflow.stops._io import schema_ddl

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def delimiter_property() -> StringProperty:
    return StringProperty(
        "Delimiter",
        default=",",
        description="The field separator; write \\t for a tab.",
        example=",",
    )


def read_csv(
    spark: SparkSession, path: str, *, delimiter: str, schema: str | None, header: bool = False
) -> DataFrame:
    """The CSV at ``path`` read with ``delimiter``, its columns from ``schema`` when it names any.

    ``schema`` is a PiFlow schema string (``title,author`` or ``id:int,name``); without one, a
    ``header`` line names the columns and their types are inferred, as PiFlow does.
    """
    reader = spark.read.option("header", header).option("delimiter", delimiter)
    ddl = schema_ddl(schema or "")
    if ddl:
        reader = reader.schema(ddl)
    elif header:
        reader = reader.option("inferSchema", True)
    return reader.csv(path)
