import uuid

from piflow.stops.common.add_uuid import AddUUID
from piflow.testing import perform_stop


def test_add_uuid_adds_a_distinct_uuid_per_row(spark):
    # given
    people = spark.createDataFrame([("zhangsan",), ("lisi",), ("wangwu",)], "name string")

    # when
    out = perform_stop(spark, AddUUID, {}, {"": people})

    # then
    rows = out[""].collect()
    assert out[""].columns == ["name", "uuid"]
    assert len({r.uuid for r in rows}) == 3
    assert all(uuid.UUID(r.uuid) for r in rows)


def test_add_uuid_uses_the_piflow_name_and_column(spark):
    # given
    people = spark.createDataFrame([("zhangsan",)], "name string")

    # when
    out = perform_stop(spark, "cn.piflow.bundle.common.AddUUIDStop", {"column": "id"}, {"": people})

    # then
    assert out[""].columns == ["name", "id"]
