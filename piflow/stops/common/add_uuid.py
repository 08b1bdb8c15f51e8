"""AddUUID stop."""

from __future__ import annotations

from pyspark.sql import functions as F

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty


class AddUUID(Stop):
    """Add a column holding a random UUID for each row.

    The UUIDs are generated when the data is computed: reading this stop's output twice
    without a cache or checkpoint gives different UUIDs.
    """

    bundle = "piflow.stops.common.AddUUID"
    piflow_names = ("cn.piflow.bundle.common.AddUUIDStop",)
    groups = ("Common",)
    column = StringProperty(
        "Column",
        default="uuid",
        description="The name of the new column (an existing column of that name is replaced).",
        example="uuid",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read().withColumn(self.column, F.expr("uuid()")))
