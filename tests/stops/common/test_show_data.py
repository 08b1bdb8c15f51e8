import logging

from piflow.stops.common.show_data import ShowData
from piflow.testing import perform_stop


def test_show_data_logs_first_rows_and_passes_input_through(spark, caplog):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", None), ("wangwu", 25)], "name string, age int")

    # when
    with caplog.at_level(logging.INFO, logger="piflow.stop"):
        out = perform_stop(spark, "cn.piflow.bundle.external.ShowData", {"showNumber": "2"}, {"": people})

    # then
    assert out[""] is people
    logged = caplog.text
    assert "|    name| age|" in logged
    assert "|zhangsan|  30|" in logged
    assert "|    lisi|null|" in logged
    assert "wangwu" not in logged


def test_show_data_shows_twenty_rows_by_default(spark, caplog):
    # given
    numbers = spark.range(30)

    # when
    with caplog.at_level(logging.INFO, logger="piflow.stop"):
        perform_stop(spark, ShowData, {}, {"": numbers})

    # then
    assert "|19|" in caplog.text
    assert "|20|" not in caplog.text
