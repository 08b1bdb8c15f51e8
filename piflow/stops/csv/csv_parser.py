"""CsvParser stop."""

from __future__ import annotations

from piflow.sdk import BoolProperty, Inputs, Outputs, PathProperty, Stop, StopContext, StringProperty
from piflow.stops.csv._csv import delimiter_property, read_csv


class CsvParser(Stop):
    """Read CSV files into a DataFrame.

    ``csvPath`` may name one file, a folder or a glob. With ``schema`` (``title,author,pages``)
    the columns get those names, as strings; ``id:int,name`` also sets a column's type. Without
    a schema, a header line names the columns and their types are inferred (as PiFlow does);
    with neither, the columns are ``_c0``, ``_c1`` ... as strings.
    """

    bundle = "piflow.stops.csv.CsvParser"
    groups = ("CSV",)
    inports = ()
    csv_path = PathProperty(
        "Path",
        name="csvPath",
        required=True,
        description="The CSV file, folder or glob to read.",
        example="hdfs://127.0.0.1:9000/test/data.csv",
    )
    header = BoolProperty(
        "Header",
        default=False,
        description="Whether the first line of each file is a header (skipped; names the columns).",
    )
    delimiter = delimiter_property()
    schema = StringProperty(
        "Schema",
        description="Comma-separated column names (strings), or name:type pairs; blank to use the header.",
        example="title,author,pages",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = read_csv(
            ctx.spark, self.csv_path, delimiter=self.delimiter, schema=self.schema, header=self.header
        )
        outputs.write(df)
