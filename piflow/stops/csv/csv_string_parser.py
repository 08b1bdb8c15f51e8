"""CsvStringParser stop."""

from __future__ import annotations

from piflow.sdk import Stop, StringProperty
from piflow.stops._io import schema_ddl, scratch_file


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
    delimiter = StringProperty(
        "Delimiter",
        default=",",
        description="The field separator; write \\t for a tab.",
        example=",",
    )
    schema = StringProperty(
        "Schema",
        description="Comma-separated column names (strings), or name:type pairs.",
        example="id,name,age",
    )

    def perform(self, inputs, outputs, ctx):
        reader = ctx.spark.read.option("delimiter", self.delimiter)
        ddl = schema_ddl(self.schema or "")
        if ddl:
            reader = reader.schema(ddl)
        outputs.write(reader.csv(scratch_file(ctx, "input.csv", self.string)))
