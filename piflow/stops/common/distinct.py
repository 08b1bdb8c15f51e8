"""Distinct stop."""

from __future__ import annotations

from piflow.sdk import Inputs, ListProperty, Outputs, Stop, StopContext


class Distinct(Stop):
    """Drop duplicate rows, comparing the listed columns or whole rows.

    With ``columnNames`` set, one row is kept for each distinct combination of those columns
    (which one is not specified); otherwise rows must be equal in every column.
    """

    bundle = "piflow.stops.common.Distinct"
    groups = ("Common",)
    column_names = ListProperty(
        "Column names",
        description="Columns that identify a duplicate, comma separated; empty compares all columns.",
        example="id,name",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        outputs.write(df.dropDuplicates(list(self.column_names)) if self.column_names else df.distinct())
