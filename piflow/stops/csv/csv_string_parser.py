"""CsvStringParser stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty
from piflow.stops._io import scratch_file
from piflow.stops.csv._csv import delimiter_property, read_csv


class CsvStringParser(Stop):
    """Turn CSV text typed into the stop into a DataFrame.

    Each line of ``string`` is a row. ``schema`` names the columns (strings, or name:type
    pairs); without it they are ``_c0``, ``_c1`` ... The text is handed to Spark's CSV reader,
    so quoting works as in a CSV file.
    """

    bundle = "piflow.stops.csv.CsvStringParser"
    groups = ("CSV",)
    inports = ()
    string = StringProperty(
        "CSV text",
        required=True,
        description="The CSV rows, one per line.",
        example="1,zhangsan,30\n2,lisi,41",
    )
    delimiter = delimiter_property()
    schema = StringProperty(
        "Schema",
        description="Comma-separated column names (strings), or name:type pairs.",
        example="id,name,age",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        path = scratch_file(ctx, "input.csv", self.string)
        outputs.write(read_csv(ctx.spark, path, delimiter=self.delimiter, schema=self.schema))
