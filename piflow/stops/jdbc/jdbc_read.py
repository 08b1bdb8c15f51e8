"""JdbcRead stop."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from piflow.sdk import IntProperty, StringProperty
from piflow.stops.jdbc._jdbc import JdbcReader, driver_property, sql_property, strip_sql, user_property


class JdbcRead(JdbcReader):
    """Read a query's result or a whole table from any database with a JDBC driver.

    Give either ``sql`` (a query the database runs) or ``dbtable`` (a table, or anything valid
    in a FROM clause), not both; flow validation reports a stop given neither or both. The driver class may be left blank for PostgreSQL, MySQL/MariaDB and
    SQLite URLs; other drivers' jars must be on the session's classpath. A ``jdbc:mysql://`` URL
    gets ``permitMysqlScheme`` added, as the MariaDB driver needs it.
    """

    bundle = "piflow.stops.jdbc.JdbcRead"
    driver = driver_property()
    user = user_property(required=False)
    sql = sql_property()
    dbtable = StringProperty(
        "Table",
        name="dbtable",
        description="A table to read whole (instead of sql).",
        example="public.test",
    )
    fetchsize = IntProperty(
        "Fetch size",
        name="fetchsize",
        minimum=1,
        description="Rows fetched per round trip; blank keeps the driver's default.",
        example="1000",
    )

    @classmethod
    def check_values(cls, values: Mapping[str, Any]) -> dict[str, str]:
        problems = super().check_values(values)
        sql = strip_sql(values.get("sql") or "")
        if bool(sql) == bool(values.get("dbtable")):
            given = "both" if sql else "neither"
            problems["sql"] = f"give either 'sql' or 'dbtable' (got {given})"
        return problems

    def source_options(self) -> dict[str, str]:
        sql = strip_sql(self.sql or "")
        options = {"query": sql} if sql else {"dbtable": self.dbtable}
        if self.fetchsize:
            options["fetchsize"] = str(self.fetchsize)
        return options
