"""ConvertSchema stop."""

from __future__ import annotations

from piflow.sdk import Stop
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

    def perform(self, inputs, outputs, ctx):
        outputs.write(rename_columns(inputs.read(), self.schema, strict=False))
