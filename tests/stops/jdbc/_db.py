"""Straight to the test databases: set up what the JDBC stops read, check what they write."""

import subprocess
import uuid

import psycopg

PG_CONNINFO = "host=127.0.0.1 user=postgres dbname=test"


def table_name() -> str:
    """A table name no other test uses."""
    return f"piflow_test_{uuid.uuid4().hex[:8]}"


def pg_execute(*statements: str) -> None:
    """Run statements on PostgreSQL's ``test`` database, each committed."""
    with psycopg.connect(PG_CONNINFO, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def pg_fetch(query: str) -> list[tuple]:
    """The rows of a query on PostgreSQL's ``test`` database."""
    with psycopg.connect(PG_CONNINFO) as conn:
        return conn.execute(query).fetchall()


def mysql(sql: str) -> str:
    """Run SQL on MariaDB's ``test`` database; its output, a tab-separated line per row."""
    return subprocess.run(
        ["mysql", "-uroot", "-h127.0.0.1", "-P3306", "-N", "-B", "test", "-e", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
