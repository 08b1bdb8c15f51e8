"""JdbcWrite stop."""

from __future__ import annotations

from piflow.stops.jdbc._jdbc import JdbcWriter, driver_property, user_property


class JdbcWrite(JdbcWriter):
    """Write the input into a database table over JDBC, then pass the input on.

    ``saveMode`` says what happens when the table exists: ``Append`` (default), ``Overwrite``
    (drop and recreate), ``Ignore`` or ``ErrorIfExists``, in any letter case; a missing table is
    created. The driver class may be left blank for PostgreSQL, MySQL/MariaDB and SQLite URLs. A
    ``jdbc:mysql://`` URL gets ``permitMysqlScheme`` added, as the MariaDB driver needs it.
    """

    bundle = "piflow.stops.jdbc.JdbcWrite"
    driver = driver_property()
    user = user_property(required=False)
