from piflow.stops.common.filter import Filter
from piflow.testing import perform_stop


def test_filter_keeps_matching_rows(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41), ("wangwu", 25)], "name string, age int")

    # when
    out = perform_stop(spark, Filter, {"condition": "age > 28"}, {"": people})

    # then
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "zhangsan"]


def test_filter_resolves_by_piflow_name(spark):
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    out = perform_stop(
        spark, "cn.PiFlow .bundle.Common.Filter", {"condition": "name == 'zhangsan'"}, {"": people}
    )
    assert out[""].count() == 1
