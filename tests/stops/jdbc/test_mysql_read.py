import pytest

from piflow.stops.jdbc.mysql_read import MysqlRead
from piflow.testing import perform_stop
from tests.stops.jdbc._db import mysql


@pytest.fixture
def mysql_table(mysql_table_name):
    mysql(
        f"CREATE TABLE {mysql_table_name} (id INT, name VARCHAR(50)); "
        f"INSERT INTO {mysql_table_name} VALUES (1, 'zhangsan'), (2, 'lisi'), (3, 'wangwu')"
    )
    return mysql_table_name


def test_mysql_read_runs_the_query(spark, mysql_jdbc, mysql_table, tmp_path):
    # given
    props = {**mysql_jdbc, "sql": f"SELECT id, name FROM {mysql_table} WHERE id >= 2"}

    # when
    out = perform_stop(spark, MysqlRead, props, run_dir=tmp_path)

    # then
    assert sorted((r.id, r.name) for r in out[""].collect()) == [(2, "lisi"), (3, "wangwu")]


def test_mysql_read_runs_a_piflow_flow_unchanged(spark, mysql_jdbc, mysql_table, tmp_path):
    # given: PiFlow's driver class and a plain jdbc:mysql URL without permitMysqlScheme
    props = {
        "url": "jdbc:mysql://127.0.0.1:3306/test?useUnicode=true&characterEncoding=utf8",
        "user": "root",
        "password": "",
        "driver": "com.mysql.jdbc.Driver",
        "sql": f"SELECT name FROM {mysql_table}",
    }

    # when
    out = perform_stop(spark, "cn.piflow.bundle.jdbc.MysqlRead", props, run_dir=tmp_path)

    # then
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "wangwu", "zhangsan"]


def test_mysql_read_error_for_a_wrong_password_hides_it(spark, mysql_jdbc, tmp_path):
    # given
    secret = "S3cret-pw-75"
    props = {**mysql_jdbc, "password": secret, "sql": "SELECT 1"}

    # when
    with pytest.raises(Exception) as caught:
        perform_stop(spark, MysqlRead, props, run_dir=tmp_path)

    # then
    assert "Access denied" in str(caught.value)
    assert secret not in str(caught.value)
