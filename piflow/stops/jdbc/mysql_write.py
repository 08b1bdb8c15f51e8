"""MysqlWrite stop."""

from __future__ import annotations

from piflow.stops.jdbc._jdbc import (
    MARIADB_DRIVER,
    JdbcWriter,
    driver_property,
    url_property,
)


class MysqlWrite(JdbcWriter):
    """Write the input into a MySQL or MariaDB table, then pass the input on.

    ``saveMode`` is ``Append`` (default), ``Overwrite``, ``ErrorIfExists`` or ``Ignore``, in any
    letter case; a missing table is created. Uses the MariaDB JDBC driver: a ``jdbc:mysql://``
    URL gets ``permitMysqlScheme`` added when it lacks it, and PiFlow's ``com.mysql.jdbc.Driver``
    / ``com.mysql.cj.jdbc.Driver`` are served by ``org.mariadb.jdbc.Driver`` when MySQL's own
    driver is not installed.
    """

    bundle = "piflow.stops.jdbc.MysqlWrite"
    url = url_property("jdbc:mysql://127.0.0.1:3306/test")
    driver = driver_property(default=MARIADB_DRIVER)
