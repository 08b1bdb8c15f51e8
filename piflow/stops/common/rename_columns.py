"""RenameColumns stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Stop, StopContext
from piflow.stops.common._util import PairsProperty, rename_columns


class RenameColumns(Stop):
    """Rename columns from old:new pairs; every old column must exist."""

    bundle = "piflow.stops.common.RenameColumns"
    groups = ("Common",)
    columns = PairsProperty(
        "Columns",
        arrow=":",
        required=True,
        description="Comma separated old:new column name pairs; a missing old column fails the stop.",
        example="id:uuid,name:full_name",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(rename_columns(inputs.read(), self.columns, strict=True))
