"""Limit stop."""

from __future__ import annotations

from piflow.sdk import Inputs, IntProperty, Outputs, Stop, StopContext


class Limit(Stop):
    """Keep at most the first N rows.

    Which rows are "first" is only defined after a Sort.
    """

    bundle = "piflow.stops.common.Limit"
    groups = ("Common",)
    count = IntProperty(
        "Count", required=True, minimum=0, description="The number of rows to keep.", example="100"
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read().limit(self.count))
