"""MysqlRead stop."""

from __future__ import annotations

from piflow.stops.jdbc._jdbc import (
    MARIADB_DRIVER,
    JdbcReader,
    driver_property,
    sql_property,
    strip_sql,
    url_property,
)


class MysqlRead(JdbcReader):
    """Run a query in MySQL or MariaDB and output its result.

    Uses the MariaDB JDBC driver. A ``jdbc:mysql://`` URL gets ``permitMysqlScheme`` added when
    it lacks it, because the MariaDB driver only accepts that scheme with it (and Spark chooses
    its MySQL dialect from the scheme). PiFlow's driver classes ``com.mysql.jdbc.Driver`` and
    ``com.mysql.cj.jdbc.Driver`` are served by ``org.mariadb.jdbc.Driver`` when MySQL's own
    driver is not installed, so PiFlow flows run unchanged.
    """

    bundle = "piflow.stops.jdbc.MysqlRead"
    url = url_property("jdbc:mysql://127.0.0.1:3306/test")
    driver = driver_property(default=MARIADB_DRIVER)
    sql = sql_property(required=True)

    def source_options(self) -> dict[str, str]:
        return {"query": strip_sql(self.sql)}
