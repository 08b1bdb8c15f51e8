"""PostgresqlRead stop."""

from __future__ import annotations

from piflow.sdk import StringProperty
from piflow.stops.jdbc._jdbc import JdbcReader, url_property


class PostgresqlRead(JdbcReader):
    """Read chosen columns of a PostgreSQL table.

    Runs ``SELECT <selectedContent> FROM <tableName>`` in PostgreSQL; both are SQL text, so
    ``selectedContent`` may hold expressions and ``tableName`` a schema-qualified name.
    """

    bundle = "piflow.stops.jdbc.PostgresqlRead"
    url = url_property("jdbc:postgresql://127.0.0.1:5432/test")
    selected_content = StringProperty(
        "Selected columns",
        name="selectedContent",
        default="*",
        required=True,
        description="The columns (or SQL expressions) to read, comma-separated; * for all.",
        example="id, name",
    )
    table_name = StringProperty(
        "Table",
        name="tableName",
        required=True,
        description="The table to read (optionally schema.table).",
        example="public.test",
    )

    def source_options(self) -> dict[str, str]:
        return {"query": f"SELECT {self.selected_content} FROM {self.table_name}"}
