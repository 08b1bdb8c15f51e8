"""ShowData stop."""

from __future__ import annotations

from piflow.sdk import Inputs, IntProperty, Outputs, Stop, StopContext

_MAX_CELL = 20


def _cell(value: object) -> str:
    text = "null" if value is None else str(value)
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 3] + "..."


def format_table(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    """Rows as a text table in the style of Spark's ``show()``, long cells cut to 20 characters."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    rule = "+" + "+".join("-" * width for width in widths) + "+"

    def line(values: list[str]) -> str:
        return "|" + "|".join(value.rjust(width) for value, width in zip(values, widths, strict=True)) + "|"

    return "\n".join([rule, line(columns), rule, *(line(row) for row in cells), rule])


class ShowData(Stop):
    """Log the first rows as a table and pass the data on unchanged.

    The table goes to the run's log. Showing rows computes the input, so use it to inspect a
    flow rather than in a production path.
    """

    bundle = "piflow.stops.common.ShowData"
    piflow_names = ("cn.piflow.bundle.external.ShowData",)
    groups = ("Common",)
    show_number = IntProperty(
        "Rows to show", default=20, minimum=0, description="How many rows to log.", example="5"
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        rows = [tuple(row) for row in df.take(self.show_number)] if self.show_number else []
        ctx.log.info("%s: first %d row(s)\n%s", ctx.stop_name, len(rows), format_table(df.columns, rows))
        outputs.write(df)
