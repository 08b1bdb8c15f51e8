"""CsvSave stop."""

from __future__ import annotations

from piflow.sdk import (
    BoolProperty,
    Inputs,
    IntProperty,
    Outputs,
    PathProperty,
    SaveModeProperty,
    Stop,
    StopContext,
)
from piflow.stops._io import save_and_pass
from piflow.stops.csv._csv import delimiter_property


class CsvSave(Stop):
    """Write the DataFrame as CSV files, and pass it on unchanged.

    The files are written when the stop runs; ``partition`` sets how many files (the data is
    repartitioned first), ``saveMode`` what happens when ``csvSavePath`` already exists.
    """

    bundle = "piflow.stops.csv.CsvSave"
    groups = ("CSV",)
    csv_save_path = PathProperty(
        "Save path",
        name="csvSavePath",
        required=True,
        description="The folder the CSV part files are written into.",
        example="hdfs://127.0.0.1:9000/test/out.csv",
    )
    header = BoolProperty("Header", default=False, description="Whether to write a header line per file.")
    delimiter = delimiter_property()
    partition = IntProperty(
        "Partitions",
        minimum=1,
        description="How many files to write; blank keeps the DataFrame's own partitioning.",
        example="1",
    )
    save_mode = SaveModeProperty(default="append")

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        save_and_pass(
            inputs,
            outputs,
            ctx,
            fmt="csv",
            path=self.csv_save_path,
            mode=self.save_mode,
            options={"header": self.header, "delimiter": self.delimiter},
            partitions=self.partition,
        )
