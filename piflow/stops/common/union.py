"""Union stop."""

from __future__ import annotations

from piflow.sdk import BoolProperty, Inputs, Outputs, Port, Stop, StopContext
from piflow.stops.common._util import union_frames


class Union(Stop):
    """Union every input, matching columns by name.

    A column missing from an input is filled with nulls there. This is the name-based
    counterpart to Merge, which matches columns by position.
    """

    bundle = "piflow.stops.common.Union"
    groups = ("Common",)
    inports = (Port.ANY,)
    distinct = BoolProperty("Distinct", default=False, description="Drop duplicate rows from the result.")

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = union_frames((frame for _, frame in inputs.items()), by_name=True)
        outputs.write(df.distinct() if self.distinct else df)
