"""SelectField stop."""

from __future__ import annotations

from piflow.sdk import Inputs, ListProperty, Outputs, Stop, StopContext


class SelectField(Stop):
    """Keep only the listed columns, in the listed order."""

    bundle = "piflow.stops.common.SelectField"
    groups = ("Common",)
    column_names = ListProperty(
        "Column names",
        required=True,
        aliases=("schema",),
        description="The columns to keep, comma separated (old flows call this property schema).",
        example="name,age",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read().select(*self.column_names))
