"""JsonParser stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piflow.sdk import BoolProperty, Inputs, Outputs, PathProperty, Stop, StopContext, StringProperty
from piflow.stops._io import quote_name

if TYPE_CHECKING:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType


def select_tags(df: DataFrame, tag: str) -> DataFrame:
    """Keep the fields ``tag`` lists, opening at most one array field into one row per element.

    PiFlow's convention: ``name`` keeps a column (``a.b`` a nested field); ``links_url`` opens the
    array of structs ``links`` and keeps each element's ``url`` as column ``links_url``; naming
    the array itself (``links``) opens it and keeps every field of its elements the same way
    (or the element itself, as column ``links``, when the elements are not structs).
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StructType

    types = {field.name: field.dataType for field in df.schema.fields}
    plain: list[str] = []
    array: str | None = None
    children: list[str] = []

    def open_array(name: str) -> None:
        nonlocal array
        if array not in (None, name):
            raise ValueError(f"tag can open only one array field, not both {array!r} and {name!r}")
        array = name

    for entry in (item.strip() for item in tag.split(",")):
        if not entry:
            continue
        kind = types.get(entry)
        if isinstance(kind, ArrayType):
            open_array(entry)
            if isinstance(kind.elementType, StructType):
                children.extend(kind.elementType.fieldNames())
            continue
        if kind is None:
            parent, child = _array_child(types, entry)
            if parent:
                open_array(parent)
                children.append(child)
                continue
        plain.append(entry)

    columns = [F.col(quote_name(name)) if name in types else F.col(name) for name in plain]
    if array and children:
        fields = list(dict.fromkeys(children))
        columns.append(
            F.inline(
                F.transform(
                    F.col(quote_name(array)),
                    lambda element: F.struct(*[element.getField(f).alias(f"{array}_{f}") for f in fields]),
                )
            )
        )
    elif array:
        columns.append(F.explode(F.col(quote_name(array))).alias(array))
    return df.select(*columns)


def _array_child(types: dict[str, DataType], entry: str) -> tuple[str | None, str]:
    """Split ``links_url`` into an array-of-structs column and one of its elements' fields."""
    from pyspark.sql.types import ArrayType, StructType

    for at in (i for i, char in enumerate(entry) if char == "_"):
        parent, child = entry[:at], entry[at + 1 :]
        kind = types.get(parent)
        if isinstance(kind, ArrayType) and isinstance(kind.elementType, StructType):
            if child in kind.elementType.fieldNames():
                return parent, child
    return None, ""


class JsonParser(Stop):
    """Read JSON files into a DataFrame, optionally keeping only some fields.

    Files hold one JSON object per line, or (``multiLine``) one JSON document each, whose
    top-level array gives one row per element. A file that reads as nothing but corrupt lines is
    read again as multi-line JSON, so PiFlow's flows (which always read multi-line) keep working.
    ``tag`` lists the fields to keep, PiFlow's way: ``name,links_url`` keeps ``name`` and opens the
    array ``links`` into one row per element, with that element's ``url`` as column ``links_url``;
    ``links`` alone opens the array with all its elements' fields.
    """

    bundle = "piflow.stops.json.JsonParser"
    groups = ("Json",)
    inports = ()
    json_path = PathProperty(
        "Path",
        name="jsonPath",
        required=True,
        description="The JSON file, folder or glob to read.",
        example="hdfs://127.0.0.1:9000/test/data.json",
    )
    tag = StringProperty(
        "Tags",
        description="Fields to keep, comma-separated; array_field opens an array (one row per element).",
        example="name,links_url",
    )
    multi_line = BoolProperty(
        "Multi-line",
        default=False,
        description="Each file is one JSON document (an object or an array of objects), not JSON lines.",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = ctx.spark.read.option("multiLine", self.multi_line).json(self.json_path)
        if not self.multi_line and df.columns == ["_corrupt_record"]:
            ctx.log.info("%s is not JSON lines; reading it as multi-line JSON", self.json_path)
            df = ctx.spark.read.option("multiLine", True).json(self.json_path)
        if self.tag:
            df = select_tags(df, self.tag)
        outputs.write(df)
