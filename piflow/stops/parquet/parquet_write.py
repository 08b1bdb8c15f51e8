"""ParquetWrite stop."""

from __future__ import annotations

from piflow.sdk import ListProperty, SaveModeProperty, Stop, StringProperty
from piflow.stops._io import save_and_pass


class ParquetWrite(Stop):
    """Write the DataFrame as Parquet files, and pass it on unchanged.

    ``partitionBy`` lays the files out in ``column=value`` directories; an existing ``path`` is
    overwritten unless ``saveMode`` says otherwise.
    """

    bundle = "piflow.stops.parquet.ParquetWrite"
    groups = ("Parquet",)
    path = StringProperty(
        "Path",
        required=True,
        description="The folder the Parquet files are written into.",
        example="hdfs://127.0.0.1:9000/test/out.parquet",
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
            fmt="parquet",
            path=self.path,
            mode=self.save_mode,
            partition_by=self.partition_by,
        )
