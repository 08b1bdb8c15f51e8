"""JsonStringParser stop."""

from __future__ import annotations

import json

from piflow.sdk import Inputs, Outputs, Stop, StopContext, StringProperty
from piflow.stops._io import scratch_file


def _is_one_document(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


class JsonStringParser(Stop):
    """Turn JSON text typed into the stop into a DataFrame.

    ``jsonString`` is one JSON object (one row), an array of objects (a row each) or JSON lines
    (an object per line). Spark's JSON reader infers the columns.
    """

    bundle = "piflow.stops.json.JsonStringParser"
    groups = ("Json",)
    inports = ()
    json_string = StringProperty(
        "JSON text",
        name="jsonString",
        required=True,
        description="One JSON object, an array of objects, or one object per line.",
        example='[{"name": "zhangsan", "age": 30}, {"name": "lisi", "age": 41}]',
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        path = scratch_file(ctx, "input.json", self.json_string)
        multi_line = _is_one_document(self.json_string)
        outputs.write(ctx.spark.read.option("multiLine", multi_line).json(path))
