import uuid

import pytest


@pytest.fixture
def hive_db(spark):
    """A fresh Hive database, dropped with its tables after the test."""
    name = f"piflow_test_{uuid.uuid4().hex[:8]}"
    spark.sql(f"CREATE DATABASE {name}")
    yield name
    spark.sql(f"DROP DATABASE IF EXISTS {name} CASCADE")
