"""OrcRead stop."""

from __future__ import annotations

from piflow.sdk import Stop, StringProperty


class OrcRead(Stop):
    """Read ORC files into a DataFrame.

    The schema comes from the files; a folder laid out in ``column=value`` directories gets
    those columns back.
    """

    bundle = "piflow.stops.orc.OrcRead"
    groups = ("Orc",)
    inports = ()
    path = StringProperty(
        "Path",
        required=True,
        description="The ORC file, folder or glob to read.",
        example="hdfs://127.0.0.1:9000/test/data.orc",
    )

    def perform(self, inputs, outputs, ctx):
        outputs.write(ctx.spark.read.orc(self.path))
