"""Sample stop."""

from __future__ import annotations

from piflow.sdk import BoolProperty, FloatProperty, Inputs, IntProperty, Outputs, Stop, StopContext


class Sample(Stop):
    """Keep a random fraction of the rows.

    Each row is kept with probability ``fraction``, so the row count is approximate. Set
    ``seed`` for the same sample on the same data and partitioning.
    """

    bundle = "piflow.stops.common.Sample"
    groups = ("Common",)
    fraction = FloatProperty(
        "Fraction",
        required=True,
        minimum=0.0,
        maximum=1.0,
        description="The expected fraction of rows to keep, between 0 and 1.",
        example="0.1",
    )
    with_replacement = BoolProperty(
        "With replacement", default=False, description="Allow a row to be picked more than once."
    )
    seed = IntProperty(
        "Seed", description="A random seed for a repeatable sample; empty picks one.", example="42"
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read().sample(self.with_replacement, self.fraction, self.seed))
