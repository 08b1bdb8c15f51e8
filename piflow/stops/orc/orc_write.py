"""OrcWrite stop."""

from __future__ import annotations

from piflow.sdk import ListProperty, SaveModeProperty, Stop, StringProperty
from piflow.stops._io import save_and_pass


class OrcWrite(Stop):
    """Write the DataFrame as ORC files, and pass it on unchanged.

    ``partitionBy`` lays the files out in ``column=value`` directories; an existing ``path`` is
    overwritten unless ``saveMode`` says otherwise.
    """

    bundle = "piflow.stops.orc.OrcWrite"
    groups = ("Orc",)
    path = StringProperty(
        "Path",
        required=True,
        description="The folder the ORC files are written into.",
        example="hdfs://127.0.0.1:9000/test/out.orc",
    )
    save_mode = SaveModeProperty(default="overwrite")
    partition_by = ListProperty(
        "Partition by",
        default=(),
        description="Comma-separated columns to partition the output directories by.",
        example="year,month",
    )

    def perform(self, inputs, outputs, ctx):
        save_and_pass(
            inputs,
            outputs,
            ctx,
            fmt="orc",
            path=self.path,
            mode=self.save_mode,
            partition_by=self.partition_by,
        )
