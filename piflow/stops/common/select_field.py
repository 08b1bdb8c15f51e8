"""SelectField stop."""

from __future__ import annotations

from piflow.sdk import ListProperty, Stop


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

    def perform(self, inputs, outputs, ctx):
        outputs.write(inputs.read().select(*self.column_names))
