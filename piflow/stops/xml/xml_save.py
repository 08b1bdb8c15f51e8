"""XmlSave stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, PathProperty, SaveModeProperty, Stop, StopContext, StringProperty
from piflow.stops._io import save_and_pass


class XmlSave(Stop):
    """Write the DataFrame as XML files, and pass it on unchanged.

    Each file is a ``rootTag`` element holding one ``rowTag`` element per row; the defaults
    ``ROWS``/``ROW`` are what PiFlow writes. Like PiFlow, the save fails when ``xmlSavePath``
    already exists unless ``saveMode`` says otherwise.
    """

    bundle = "piflow.stops.xml.XmlSave"
    groups = ("Xml",)
    xml_save_path = PathProperty(
        "Save path",
        name="xmlSavePath",
        required=True,
        description="The folder the XML part files are written into.",
        example="hdfs://127.0.0.1:9000/test/out.xml",
    )
    row_tag = StringProperty("Row tag", default="ROW", description="The element written for each row.")
    root_tag = StringProperty(
        "Root tag", default="ROWS", description="The element around the rows of a file."
    )
    save_mode = SaveModeProperty(default="error")

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        save_and_pass(
            inputs,
            outputs,
            ctx,
            fmt="xml",
            path=self.xml_save_path,
            mode=self.save_mode,
            options={"rowTag": self.row_tag, "rootTag": self.root_tag},
        )
