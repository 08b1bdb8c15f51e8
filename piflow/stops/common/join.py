"""Join stop."""

from __future__ import annotations

from piflow.sdk import Inputs, ListProperty, Outputs, Port, Stop, StopContext, StringProperty


class Join(Stop):
    """Join the Left and Right inputs on columns they share.

    The key columns must have the same name on both sides and appear once in the result.
    Paths into this stop must use the inports ``Left`` and ``Right``.
    """

    bundle = "piflow.stops.common.Join"
    groups = ("Common",)
    inports = (Port.LEFT, Port.RIGHT)
    join_mode = StringProperty(
        "Join mode",
        default="inner",
        choices=("inner", "left", "right", "full_outer"),
        description="inner keeps matching rows; left/right also keep that side's unmatched rows; full_outer keeps all.",
        example="left",
    )
    correlation_column = ListProperty(
        "Key columns",
        required=True,
        description="The join key columns, comma separated; each must exist with the same name on both sides.",
        example="id,name",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        left, right = inputs.read(Port.LEFT), inputs.read(Port.RIGHT)
        outputs.write(left.join(right, on=list(self.correlation_column), how=self.join_mode))
