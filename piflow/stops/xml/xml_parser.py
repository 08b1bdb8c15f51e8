"""XmlParser stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, PathProperty, Stop, StopContext, StringProperty
from piflow.stops.xml._xml import xml_reader


class XmlParser(Stop):
    """Read XML files into a DataFrame, one row per ``rowTag`` element.

    Child elements become columns (nested ones structs, repeated ones arrays), attributes become
    columns prefixed with ``_``; types are inferred and empty elements read as null.
    """

    bundle = "piflow.stops.xml.XmlParser"
    groups = ("Xml",)
    inports = ()
    xmlpath = PathProperty(
        "Path",
        name="xmlpath",
        required=True,
        description="The XML file, folder or glob to read.",
        example="hdfs://127.0.0.1:9000/test/dblp.xml",
    )
    row_tag = StringProperty(
        "Row tag",
        required=True,
        description="The element that makes one row.",
        example="phdthesis",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        outputs.write(xml_reader(ctx.spark, self.row_tag).load(self.xmlpath))
