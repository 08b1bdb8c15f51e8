"""PutHiveStreaming stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Stop, StopContext
from piflow.stops.hive._hive import HiveNameProperty, quote_name


class PutHiveStreaming(Stop):
    """Insert the input's rows into an existing Hive table, then pass the input on.

    Columns are matched by position, as ``INSERT INTO db.table SELECT * FROM input`` does: the
    input must have the table's columns in the table's order. The table is never created.
    """

    bundle = "piflow.stops.hive.PutHiveStreaming"
    groups = ("Hive",)
    database = HiveNameProperty(
        "Database", description="The database holding the table.", example="sparktest", access="hive_database"
    )
    table = HiveNameProperty(
        "Table", description="The existing table to insert into.", example="dblp_phdthesis"
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        target = quote_name(self.database, self.table)
        ctx.log.info("inserting into Hive table %s", target)
        df.write.insertInto(target)
        outputs.write(df)
