"""PutHiveMode stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piflow.sdk import Inputs, Outputs, SaveModeProperty, Stop, StopContext
from piflow.stops.hive._hive import HiveNameProperty, quote_name

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


def table_provider(spark: SparkSession, target: str) -> str | None:
    """The format of an existing table (``hive``, ``parquet``...), or None when there is none."""
    if not spark.catalog.tableExists(target):
        return None
    for row in spark.sql(f"DESCRIBE TABLE EXTENDED {target}").collect():
        if row.col_name == "Provider":
            provider: str = row.data_type
            return provider
    return "hive"


class PutHiveMode(Stop):
    """Save the input as a Hive table with a save mode, then pass the input on.

    ``saveMode``: ``append`` (default) adds rows to the table, matching columns by name;
    ``overwrite`` replaces the table; ``ignore`` leaves an existing table alone;
    ``errorifexists`` fails when it exists. A missing table is created as a Hive table (Hive's
    default storage format); an existing one keeps its own format. The database must exist.
    """

    bundle = "piflow.stops.hive.PutHiveMode"
    groups = ("Hive",)
    database = HiveNameProperty(
        "Database", description="The database to save into.", example="sparktest", access="hive_database"
    )
    table = HiveNameProperty("Table", description="The table to save into.", example="dblp_phdthesis")
    save_mode = SaveModeProperty(
        choices=("append", "overwrite", "ignore", "errorifexists"),
        required=True,
        description="What to do when the table already exists: append rows, overwrite it, ignore the "
        "write or fail (errorifexists). Any letter case.",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        target = quote_name(self.database, self.table)
        provider = table_provider(ctx.spark, target) or "hive"
        ctx.log.info("saving Hive table %s (%s, format %s)", target, self.save_mode, provider)
        df.write.format(provider).mode(self.save_mode).saveAsTable(target)
        outputs.write(df)
