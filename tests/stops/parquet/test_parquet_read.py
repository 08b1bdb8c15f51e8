from piflow.stops.parquet.parquet_read import ParquetRead
from piflow.testing import perform_stop


def test_parquet_read_returns_rows_and_types(spark, tmp_path):
    # given
    target = str(tmp_path / "people.parquet")
    spark.createDataFrame([("zhangsan", 30), ("lisi", 41)], "name string, age int").write.parquet(target)

    # when
    out = perform_stop(spark, ParquetRead, {"path": target}, run_dir=tmp_path)

    # then
    assert out[""].dtypes == [("name", "string"), ("age", "int")]
    assert sorted((r.name, r.age) for r in out[""].collect()) == [("lisi", 41), ("zhangsan", 30)]
