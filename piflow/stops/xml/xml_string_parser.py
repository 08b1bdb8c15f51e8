"""XmlStringParser stop."""

from __future__ import annotations

import re

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty
from piflow.stops._io import quote_name, schema_names, scratch_file
from piflow.stops.xml._xml import xml_reader


class XmlStringParser(Stop):
    """Turn XML text typed into the stop into a DataFrame, one row per ``label`` element.

    ``label`` is the row element, or PiFlow's path to it from the root (``catalog,book``: the
    last element makes the rows). ``schema`` keeps only the listed columns, in that order; a
    listed column no row has comes out null.
    """

    bundle = "piflow.stops.xml.XmlStringParser"
    groups = ("Xml",)
    inports = ()
    xml_string = StringProperty(
        "XML text",
        name="XmlString",
        required=True,
        description="The XML document.",
        example="<catalog><book><title>A</title></book><book><title>B</title></book></catalog>",
    )
    label = StringProperty(
        "Row element",
        required=True,
        description="The element that makes one row, or its path from the root separated by commas.",
        example="catalog,book",
    )
    schema = StringProperty(
        "Columns",
        description="Comma-separated columns to keep; blank keeps them all.",
        example="title,author",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        from pyspark.sql import functions as F

        path_parts = [part.strip() for part in re.split(r"[,/]", self.label) if part.strip()]
        if not path_parts:
            raise ValueError(f"label {self.label!r} names no element")
        row_tag = path_parts[-1]
        path = scratch_file(ctx, "input.xml", self.xml_string)
        df = xml_reader(ctx.spark, row_tag).load(path)
        names = schema_names(self.schema or "")
        if names:
            present = set(df.columns)
            df = df.select(
                *[
                    F.col(quote_name(name)) if name in present else F.lit(None).cast("string").alias(name)
                    for name in names
                ]
            )
        outputs.write(df)
