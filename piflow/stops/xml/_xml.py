"""What the XML stops share: Spark's XML reader, one row per ``rowTag`` element."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import DataFrameReader, SparkSession


def xml_reader(spark: SparkSession, row_tag: str) -> DataFrameReader:
    """Spark's XML reader making a row of each ``row_tag`` element; empty elements read as null."""
    return spark.read.format("xml").option("rowTag", row_tag).option("nullValue", "")
