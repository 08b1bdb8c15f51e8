from piflow.stops.common.fork import Fork
from piflow.testing import make_stop, perform_stop


def test_fork_writes_input_to_declared_and_connected_ports(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41)], "name string, age int")

    # when
    out = perform_stop(spark, Fork, {"outports": "out1,out2"}, {"": people}, connected=("out2", "out3"))

    # then
    assert sorted(out) == ["out1", "out2", "out3"]
    for df in out.values():
        assert sorted(r.name for r in df.collect()) == ["lisi", "zhangsan"]


def test_fork_without_outports_accepts_any_port_name(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")

    # when
    stop = make_stop(Fork, {})
    out = perform_stop(spark, Fork, {}, {"": people}, connected=("a", "b"))

    # then
    assert stop.output_ports() is None
    assert sorted(out) == ["a", "b"]
    assert out["a"].count() == 1


def test_fork_declared_outports_are_its_output_ports():
    # given / when
    stop = make_stop(Fork, {"outports": ["out1", "out2"]})

    # then
    assert stop.output_ports() == ("out1", "out2")
