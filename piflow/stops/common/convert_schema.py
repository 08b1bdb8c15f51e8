"""ConvertSchema stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Stop, StopContext
from piflow.stops.common._util import PairsProperty, rename_columns


class ConvertSchema(Stop):
    """Rename columns from old->new pairs.

    As in PiFlow, a pair whose old column does not exist is ignored; use RenameColumns to
    fail on it instead.
    """

    bundle = "piflow.stops.common.ConvertSchema"
    groups = ("Common",)
    schema = PairsProperty(
        "Schema",
        arrow="->",
        required=True,
        description="Comma separated old->new column name pairs.",
        example="id->uuid,name->full_name",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(rename_columns(inputs.read(), self.schema, strict=False))
