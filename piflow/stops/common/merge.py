"""Merge stop."""

from __future__ import annotations

from piflow.sdk import BoolProperty, Inputs, ListProperty, Outputs, Port, Stop, StopContext
from piflow.stops.common._util import union_frames, unique_ports


class Merge(Stop):
    """Union every input into one DataFrame, matching columns by position.

    As in PiFlow, the inputs are unioned with ``union``: columns are matched by their position,
    not their name, so every input needs the same number of columns in the same order (the
    result takes the first input's column names). Inputs are taken in the order they are
    attached. Set ``byName`` to match columns by name instead, a column missing from an input
    being filled with nulls.
    """

    bundle = "piflow.stops.common.Merge"
    groups = ("Common",)
    inports = (Port.ANY,)
    in_ports = ListProperty(
        "Inports",
        name="inports",
        description="The input port names, comma separated; empty accepts any port name a path uses.",
        example="data1,data2",
    )
    by_name = BoolProperty(
        "Union by name",
        default=False,
        description="Match columns by name (missing ones become null) instead of by position.",
    )

    def input_ports(self) -> tuple[str, ...] | None:
        return unique_ports(self.in_ports or ()) or None

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(union_frames((df for _, df in inputs.items()), by_name=self.by_name))
