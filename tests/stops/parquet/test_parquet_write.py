import pytest

from piflow.stops.parquet.parquet_read import ParquetRead
from piflow.stops.parquet.parquet_write import ParquetWrite
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_parquet_write_partitions_and_round_trips(spark, tmp_path):
    # given
    sales = spark.createDataFrame(
        [("a", 2023, 10), ("b", 2024, 20), ("c", 2024, 30)], "item string, year int, qty int"
    )
    target = tmp_path / "sales"

    # when
    out = perform_stop(
        spark, ParquetWrite, {"path": str(target), "partitionBy": "year"}, {"": sales}, run_dir=tmp_path
    )

    # then
    assert out[""] is sales
    assert sorted(p.name for p in target.glob("year=*")) == ["year=2023", "year=2024"]
    back = perform_stop(spark, ParquetRead, {"path": str(target)}, run_dir=tmp_path)[""]
    assert sorted((r.item, r.year, r.qty) for r in back.collect()) == [
        ("a", 2023, 10),
        ("b", 2024, 20),
        ("c", 2024, 30),
    ]


def test_parquet_write_overwrites_by_default(spark, tmp_path):
    # given
    target = str(tmp_path / "items")
    perform_stop(spark, ParquetWrite, {"path": target}, {"": spark.range(5)}, run_dir=tmp_path)

    # when
    perform_stop(spark, ParquetWrite, {"path": target}, {"": spark.range(2)}, run_dir=tmp_path)

    # then
    assert spark.read.parquet(target).count() == 2


def test_parquet_write_rejects_unknown_save_mode():
    # when / then
    with pytest.raises(StopPropertyError, match="saveMode"):
        make_stop(ParquetWrite, {"path": "/tmp/out", "saveMode": "upsert"})
