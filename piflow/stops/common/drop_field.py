"""DropField stop."""

from __future__ import annotations

from piflow.sdk import Inputs, ListProperty, Outputs, Stop, StopContext


class DropField(Stop):
    """Remove the listed columns.

    A listed column the input does not have is ignored, as in Spark's ``drop``.
    """

    bundle = "piflow.stops.common.DropField"
    groups = ("Common",)
    column_names = ListProperty(
        "Column names",
        required=True,
        description="The columns to remove, comma separated.",
        example="id,comment",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read().drop(*self.column_names))
