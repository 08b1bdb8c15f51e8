import pytest

from piflow.stops.jdbc.postgresql_read import PostgresqlRead
from piflow.testing import perform_stop
from tests.stops.jdbc._db import pg_execute


@pytest.fixture
def pg_table(pg_table_name):
    pg_execute(
        f"CREATE TABLE {pg_table_name} (id INT, name TEXT, city TEXT)",
        f"INSERT INTO {pg_table_name} VALUES (1, 'zhangsan', 'Beijing'), (2, 'lisi', 'Shanghai')",
    )
    return pg_table_name


def test_postgresql_read_reads_the_selected_columns(spark, postgres_jdbc, pg_table, tmp_path):
    # given
    props = {**postgres_jdbc, "selectedContent": "id, name", "tableName": f"public.{pg_table}"}

    # when
    out = perform_stop(spark, PostgresqlRead, props, run_dir=tmp_path)

    # then
    assert out[""].columns == ["id", "name"]
    assert sorted((r.id, r.name) for r in out[""].collect()) == [(1, "zhangsan"), (2, "lisi")]


def test_postgresql_read_reads_every_column_by_default(spark, postgres_jdbc, pg_table, tmp_path):
    # given
    props = {**postgres_jdbc, "tableName": pg_table}

    # when
    out = perform_stop(spark, "cn.piflow.bundle.jdbc.PostgresqlRead", props, run_dir=tmp_path)

    # then
    assert sorted(r.city for r in out[""].collect()) == ["Beijing", "Shanghai"]
