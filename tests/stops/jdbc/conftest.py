import pytest

from tests.stops.jdbc._db import mysql, pg_execute, table_name


@pytest.fixture
def pg_table_name(postgres_jdbc):
    """A fresh PostgreSQL table name; the table, if a test made it, is dropped afterwards."""
    name = table_name()
    yield name
    pg_execute(f"DROP TABLE IF EXISTS {name}")


@pytest.fixture
def mysql_table_name(mysql_jdbc):
    """A fresh MariaDB table name; the table, if a test made it, is dropped afterwards."""
    name = table_name()
    yield name
    mysql(f"DROP TABLE IF EXISTS {name}")
