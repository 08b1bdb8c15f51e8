"""JsonSave stop."""

from __future__ import annotations

from piflow.sdk import Inputs, Outputs, PathProperty, SaveModeProperty, Stop, StopContext
from piflow.stops._io import save_and_pass


class JsonSave(Stop):
    """Write the DataFrame as JSON lines files, and pass it on unchanged.

    Like PiFlow, an existing ``jsonSavePath`` is overwritten unless ``saveMode`` says otherwise.
    """

    bundle = "piflow.stops.json.JsonSave"
    groups = ("Json",)
    json_save_path = PathProperty(
        "Save path",
        name="jsonSavePath",
        required=True,
        description="The folder the JSON part files are written into.",
        example="hdfs://127.0.0.1:9000/test/out.json",
    )
    save_mode = SaveModeProperty(default="overwrite")

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        save_and_pass(inputs, outputs, ctx, fmt="json", path=self.json_save_path, mode=self.save_mode)
