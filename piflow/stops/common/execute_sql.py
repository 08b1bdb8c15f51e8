"""ExecuteSQL stop."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from piflow.sdk import Inputs, Outputs, Port, Stop, StopContext, StringProperty

# Temp views live in the process's one SparkSession: registering, analysing and dropping them
# under a lock keeps two concurrent runs from seeing each other's ``temp``.
_views_lock = threading.Lock()


class ExecuteSQL(Stop):
    """Run a Spark SQL statement over the input, registered as a temporary view.

    The default input is visible as ``viewName`` (``temp`` by default); an input on any other
    port is visible under that port's name, so ``SELECT ... FROM a JOIN b`` works with paths
    into inports ``a`` and ``b``. The views exist only while the statement is analysed.
    """

    bundle = "piflow.stops.common.ExecuteSQL"
    piflow_names = ("cn.piflow.bundle.common.ExecuteSQLStop",)
    groups = ("Common",)
    inports = (Port.ANY,)
    sql = StringProperty(
        "SQL",
        required=True,
        language="Sql",
        description="A Spark SQL query over the input view(s).",
        example="SELECT name, count(*) AS n FROM temp GROUP BY name",
        access="sql",
    )
    view_name = StringProperty(
        "View name",
        default="temp",
        description="The view name the default input is registered under.",
        example="temp",
    )

    def input_views(self, ports: Iterable[str]) -> list[str]:
        """The view names the inputs on ``ports`` are visible under (the SQL check allows them unqualified)."""
        return [port or self.view_name for port in ports]

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        frames = [df for _, df in inputs.items()]
        views = dict(zip(self.input_views(inputs.ports()), frames, strict=True))
        with _views_lock:
            try:
                for name, df in views.items():
                    df.createOrReplaceTempView(name)
                # spark.sql analyses eagerly: the result holds the views' plans, not their names.
                result = ctx.spark.sql(self.sql)
            finally:
                for name in views:
                    ctx.spark.catalog.dropTempView(name)
        outputs.write(result)
