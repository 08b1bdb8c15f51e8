"""ParquetRead stop."""

from __future__ import annotations

from piflow.sdk import Stop, StringProperty


class ParquetRead(Stop):
    """Read Parquet files into a DataFrame.

    The schema comes from the files; a folder laid out in ``column=value`` directories gets
    those columns back.
    """

    bundle = "piflow.stops.parquet.ParquetRead"
    groups = ("Parquet",)
    inports = ()
    path = StringProperty(
        "Path",
        required=True,
        description="The Parquet file, folder or glob to read.",
        example="hdfs://127.0.0.1:9000/test/data.parquet",
    )

    def perform(self, inputs, outputs, ctx):
        outputs.write(ctx.spark.read.parquet(self.path))
