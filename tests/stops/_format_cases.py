"""The tests every reader and writer of a self-describing file format (ORC, Parquet) passes.

A format's test module subclasses ``FormatReadCases`` or ``FormatWriteCases`` as ``Test<Stop>``
and names its stops and Spark's format name; pytest runs the inherited tests for it.
"""

from __future__ import annotations

from typing import ClassVar

import pytest

from piflow.sdk import Stop
from piflow.testing import StopPropertyError, make_stop, perform_stop


class FormatReadCases:
    read: ClassVar[type[Stop]]
    fmt: ClassVar[str]

    def test_returns_rows_and_types(self, spark, tmp_path):
        # given
        target = str(tmp_path / f"people.{self.fmt}")
        people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41)], "name string, age int")
        people.write.format(self.fmt).save(target)

        # when
        out = perform_stop(spark, self.read, {"path": target}, run_dir=tmp_path)

        # then
        assert out[""].dtypes == [("name", "string"), ("age", "int")]
        assert sorted((r.name, r.age) for r in out[""].collect()) == [("lisi", 41), ("zhangsan", 30)]


class FormatWriteCases:
    write: ClassVar[type[Stop]]
    read: ClassVar[type[Stop]]
    fmt: ClassVar[str]

    def test_partitions_and_round_trips(self, spark, tmp_path):
        # given
        sales = spark.createDataFrame(
            [("a", 2023, 10), ("b", 2024, 20), ("c", 2024, 30)], "item string, year int, qty int"
        )
        target = tmp_path / "sales"

        # when
        out = perform_stop(
            spark, self.write, {"path": str(target), "partitionBy": "year"}, {"": sales}, run_dir=tmp_path
        )

        # then
        assert out[""] is sales
        assert sorted(p.name for p in target.glob("year=*")) == ["year=2023", "year=2024"]
        back = perform_stop(spark, self.read, {"path": str(target)}, run_dir=tmp_path)[""]
        assert sorted((r.item, r.year, r.qty) for r in back.collect()) == [
            ("a", 2023, 10),
            ("b", 2024, 20),
            ("c", 2024, 30),
        ]

    def test_overwrites_by_default(self, spark, tmp_path):
        # given
        target = str(tmp_path / "items")
        perform_stop(spark, self.write, {"path": target}, {"": spark.range(5)}, run_dir=tmp_path)

        # when
        perform_stop(spark, self.write, {"path": target}, {"": spark.range(2)}, run_dir=tmp_path)

        # then
        assert spark.read.format(self.fmt).load(target).count() == 2

    def test_rejects_unknown_save_mode(self):
        # when / then
        with pytest.raises(StopPropertyError, match="saveMode"):
            make_stop(self.write, {"path": "/tmp/out", "saveMode": "upsert"})
