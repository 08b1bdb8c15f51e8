from piflow.stops.common.route import Route
from piflow.testing import make_stop, perform_stop


def test_route_filters_rows_to_each_port_and_passes_all_to_default(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41), ("wangwu", 25)], "name string, age int")
    routes = {"young": "age < 28", "old": "age > 40"}

    # when
    out = perform_stop(spark, Route, {}, {"": people}, customized=routes)

    # then
    assert [r.name for r in out["young"].collect()] == ["wangwu"]
    assert [r.name for r in out["old"].collect()] == ["lisi"]
    assert out[""].count() == 3


def test_route_output_ports_are_its_customized_ports():
    # given / when
    stop = make_stop(Route, {}, customized={"young": "age < 28"})

    # then
    assert stop.output_ports() == ("", "young")
