"""Filter stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty


class Filter(Stop):
    """Keep only the rows that match a Spark SQL condition.

    The condition is any boolean Spark SQL expression over the input's columns, for example
    ``age > 30 AND city = 'Beijing'``.
    """

    bundle = "piflow.stops.common.Filter"
    groups = ("Common",)
    condition = StringProperty(
        "Condition",
        required=True,
        description="A Spark SQL boolean expression; rows for which it is true are kept.",
        example="name == 'zhangsan'",
        language="Sql",
        access="sql_expression",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read().filter(self.condition))
