"""Route stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Port, Stop, StopContext


class Route(Stop):
    """Send the rows matching each condition to its own port.

    Each customized property maps an output port name to a Spark SQL condition; the port gets
    the rows for which it is true. A row may go to several ports, or to none. The default port
    gets every row, unfiltered.
    """

    bundle = "piflow.stops.common.Route"
    groups = ("Common",)
    outports = (Port.ROUTE,)
    customizable = True
    #: each customized value is a Spark SQL condition, checked as one (``piflow.runtime.sql_guard``)
    customized_access = "sql_expression"

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        for port, condition in self.customized.items():
            outputs.write(df.filter(condition), port)
        outputs.write(df)
