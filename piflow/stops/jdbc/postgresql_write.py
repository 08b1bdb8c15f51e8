"""PostgresqlWrite stop."""

from __future__ import annotations

from piflow.stops.jdbc._jdbc import JdbcWriter, url_property


class PostgresqlWrite(JdbcWriter):
    """Write the input into a PostgreSQL table, then pass the input on.

    ``saveMode`` is PiFlow's ``Append`` / ``Overwrite`` / ``ErrorIfExists`` / ``Ignore``, in any
    letter case; a missing table is created.
    """

    bundle = "piflow.stops.jdbc.PostgresqlWrite"
    url = url_property("jdbc:postgresql://127.0.0.1:5432/test")
