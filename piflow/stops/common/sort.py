"""Sort stop."""

from __future__ import annotations

from pyspark.sql import functions as F

from piflow.sdk import Inputs, Outputs, Property, PropertyError, Stop, StopContext

_DIRECTIONS = {"asc": True, "desc": False}


class SortKeysProperty(Property):
    """Comma separated ``column [asc|desc]`` entries, converted to ``(column, ascending)`` pairs."""

    kind = "list"

    def _convert(self, text: str) -> tuple[tuple[str, bool], ...]:
        keys = []
        for entry in (part.strip() for part in text.split(",")):
            if not entry:
                continue
            head, _, last = entry.rpartition(" ")
            if head.strip() and last.lower() in _DIRECTIONS:
                keys.append((head.strip(), _DIRECTIONS[last.lower()]))
            elif last.lower() in _DIRECTIONS:
                raise PropertyError(f"{entry!r} has a direction but no column")
            else:
                keys.append((entry, True))
        if not keys:
            raise PropertyError("no column given")
        return tuple(keys)


class Sort(Stop):
    """Sort rows by one or more columns, each ascending or descending.

    Nulls come first in ascending order and last in descending order, as in Spark.
    """

    bundle = "piflow.stops.common.Sort"
    groups = ("Common",)
    columns = SortKeysProperty(
        "Columns",
        required=True,
        description='Comma separated sort keys, each "column" or "column asc" or "column desc".',
        example="age desc,name",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        order = [F.col(name).asc() if ascending else F.col(name).desc() for name, ascending in self.columns]
        outputs.write(inputs.read().orderBy(*order))
