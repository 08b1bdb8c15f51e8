"""SelectHiveQL stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty


class SelectHiveQL(Stop):
    """Run a HiveQL query on the session's Hive metastore and output its result.

    The query runs in Spark SQL with Hive support, so it may read any table of the metastore
    (qualify names with their database, e.g. ``sparktest.dblp``). A trailing ``;`` is ignored.
    """

    bundle = "piflow.stops.hive.SelectHiveQL"
    groups = ("Hive",)
    inports = ()
    hive_ql = StringProperty(
        "HiveQL",
        name="hiveQL",
        required=True,
        description="The query to run.",
        example="SELECT * FROM sparktest.dblp_phdthesis",
        language="Sql",
        access="sql",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(ctx.spark.sql(self.hive_ql.strip().rstrip(";")))
