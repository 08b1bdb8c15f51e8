"""Subtract stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Port, Stop, StopContext


class Subtract(Stop):
    """Keep the distinct Left rows that do not appear in Right.

    A set difference as in PiFlow (Spark's ``subtract``): the result has no duplicate rows.
    Both inputs need the same columns in the same order; paths must use inports ``Left`` and
    ``Right``.
    """

    bundle = "piflow.stops.common.Subtract"
    groups = ("Common",)
    inports = (Port.LEFT, Port.RIGHT)

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(inputs.read(Port.LEFT).subtract(inputs.read(Port.RIGHT)))
