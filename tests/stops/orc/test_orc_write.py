import pytest

from piflow.stops.orc.orc_read import OrcRead
from piflow.stops.orc.orc_write import OrcWrite
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_orc_write_partitions_and_round_trips(spark, tmp_path):
    # given
    sales = spark.createDataFrame(
        [("a", 2023, 10), ("b", 2024, 20), ("c", 2024, 30)], "item string, year int, qty int"
    )
    target = tmp_path / "sales"

    # when
    out = perform_stop(
        spark, OrcWrite, {"path": str(target), "partitionBy": "year"}, {"": sales}, run_dir=tmp_path
    )

    # then
    assert out[""] is sales
    assert sorted(p.name for p in target.glob("year=*")) == ["year=2023", "year=2024"]
    back = perform_stop(spark, OrcRead, {"path": str(target)}, run_dir=tmp_path)[""]
    assert sorted((r.item, r.year, r.qty) for r in back.collect()) == [
        ("a", 2023, 10),
        ("b", 2024, 20),
        ("c", 2024, 30),
    ]


def test_orc_write_overwrites_by_default(spark, tmp_path):
    # given
    target = str(tmp_path / "items")
    perform_stop(spark, OrcWrite, {"path": target}, {"": spark.range(5)}, run_dir=tmp_path)

    # when
    perform_stop(spark, OrcWrite, {"path": target}, {"": spark.range(2)}, run_dir=tmp_path)

    # then
    assert spark.read.orc(target).count() == 2


def test_orc_write_rejects_unknown_save_mode():
    # when / then
    with pytest.raises(StopPropertyError, match="saveMode"):
        make_stop(OrcWrite, {"path": "/tmp/out", "saveMode": "upsert"})
