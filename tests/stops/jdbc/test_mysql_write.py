import pytest

from piflow.stops.jdbc.mysql_write import MysqlWrite
from piflow.testing import perform_stop
from tests.stops.jdbc._db import mysql


def _people(spark, rows):
    return spark.createDataFrame(rows, "name string, age int")


def test_mysql_write_appends_and_reads_back(spark, mysql_jdbc, mysql_table_name, tmp_path):
    # given: PiFlow's properties, with PiFlow's driver class and a plain jdbc:mysql URL
    props = {
        "url": "jdbc:mysql://127.0.0.1:3306/test",
        "user": "root",
        "password": "",
        "dbtable": mysql_table_name,
        "saveMode": "Append",
        "driver": "com.mysql.cj.jdbc.Driver",
    }

    # when
    perform_stop(spark, MysqlWrite, props, {"": _people(spark, [("zhangsan", 30)])}, run_dir=tmp_path)
    out = perform_stop(spark, MysqlWrite, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)

    # then
    assert sorted(mysql(f"SELECT name, age FROM {mysql_table_name}").splitlines()) == [
        "lisi\t41",
        "zhangsan\t30",
    ]
    assert [r.name for r in out[""].collect()] == ["lisi"]


def test_mysql_write_overwrite_replaces_the_rows(spark, mysql_jdbc, mysql_table_name, tmp_path):
    # given
    props = {**mysql_jdbc, "dbtable": mysql_table_name, "saveMode": "OVERWRITE"}
    perform_stop(spark, MysqlWrite, props, {"": _people(spark, [("zhangsan", 30)])}, run_dir=tmp_path)

    # when
    perform_stop(spark, MysqlWrite, props, {"": _people(spark, [("wangwu", 25)])}, run_dir=tmp_path)

    # then
    back = (
        spark.read.format("jdbc")
        .options(**mysql_jdbc, driver="org.mariadb.jdbc.Driver", dbtable=mysql_table_name)
        .load()
    )
    assert [(r.name, r.age) for r in back.collect()] == [("wangwu", 25)]


def test_mysql_write_error_for_a_wrong_password_hides_it(spark, mysql_jdbc, mysql_table_name, tmp_path):
    # given
    secret = "S3cret-pw-76"
    props = {**mysql_jdbc, "password": secret, "dbtable": mysql_table_name}

    # when
    with pytest.raises(Exception) as caught:
        perform_stop(spark, MysqlWrite, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)

    # then
    assert "Access denied" in str(caught.value)
    assert secret not in str(caught.value)
