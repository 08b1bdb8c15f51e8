"""Fork stop."""

from __future__ import annotations

from piflow.sdk import Inputs, ListProperty, Outputs, Port, Stop, StopContext
from piflow.stops.common._util import unique_ports


class Fork(Stop):
    """Copy the input to several output ports.

    Every declared port in ``outports`` and every outport a path leaves this stop from gets the
    same DataFrame. The runner caches a DataFrame that several paths read, so the input is not
    recomputed per branch. With ``outports`` empty any port name may be used.
    """

    bundle = "piflow.stops.common.Fork"
    groups = ("Common",)
    outports = (Port.ANY,)
    out_ports = ListProperty(
        "Outports",
        name="outports",
        description="The output port names, comma separated; empty accepts any port name a path uses.",
        example="out1,out2,out3",
    )

    def output_ports(self) -> tuple[str, ...] | None:
        return unique_ports(self.out_ports or ()) or None

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        for port in unique_ports((*(self.out_ports or ()), *outputs.connected)):
            outputs.write(df, port)
