"""Engine overhead: a PiFlow flow against the same job hand-written in PySpark.

Flow: CsvParser (generated CSV, >= 1M rows) -> Filter -> ExecuteSQL (aggregate) -> CsvSave.
Both run in this one process on one warm SparkSession, alternating, several rounds after a
warm-up of each. The last line printed is ``ratio <median PiFlow / median hand-written>``.

    .venv/bin/python bench/engine_overhead.py [--rows 1000000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from piflow import FlowSpec, get_spark  # noqa: E402
from piflow.runtime.runner import run_flow  # noqa: E402

SCHEMA = "id:long,category:string,amount:double"
DDL = "id long, category string, amount double"
CONDITION = "amount > 10"
SQL = "SELECT category, count(*) AS n, round(sum(amount), 2) AS total FROM temp GROUP BY category"


def generate(spark, path: Path, rows: int) -> None:
    spark.range(rows).selectExpr(
        "id", "concat('cat', cast(id % 97 AS string)) AS category", "rand(7) * 100 AS amount"
    ).coalesce(2).write.mode("overwrite").csv(str(path))


def flow(source: Path, target: Path) -> FlowSpec:
    return FlowSpec.from_dict(
        {
            "flow": {
                "name": "bench",
                "stops": [
                    {
                        "name": "Read",
                        "bundle": "cn.piflow.bundle.csv.CsvParser",
                        "properties": {
                            "csvPath": str(source),
                            "header": "false",
                            "delimiter": ",",
                            "schema": SCHEMA,
                        },
                    },
                    {
                        "name": "Filter",
                        "bundle": "cn.piflow.bundle.common.Filter",
                        "properties": {"condition": CONDITION},
                    },
                    {
                        "name": "Aggregate",
                        "bundle": "cn.piflow.bundle.common.ExecuteSQLStop",
                        "properties": {"sql": SQL, "viewName": "temp"},
                    },
                    {
                        "name": "Save",
                        "bundle": "cn.piflow.bundle.csv.CsvSave",
                        "properties": {
                            "csvSavePath": str(target),
                            "header": "true",
                            "delimiter": ",",
                            "saveMode": "overwrite",
                        },
                    },
                ],
                "paths": [
                    {"from": "Read", "to": "Filter"},
                    {"from": "Filter", "to": "Aggregate"},
                    {"from": "Aggregate", "to": "Save"},
                ],
            }
        }
    )


def hand_written(spark, source: Path, target: Path) -> None:
    df = spark.read.option("header", False).option("delimiter", ",").schema(DDL).csv(str(source))
    df.filter(CONDITION).createOrReplaceTempView("temp")
    spark.sql(SQL).write.mode("overwrite").option("header", True).option("delimiter", ",").csv(str(target))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="piflow-bench-"))
    spark = get_spark()
    source = work / "in"
    generate(spark, source, args.rows)
    spec = flow(source, work / "out-piflow")

    def piflow_round() -> float:
        began = time.perf_counter()
        result = run_flow(spec, spark=spark, data_dir=work / "data")
        assert result.ok, result.error
        return time.perf_counter() - began

    def spark_round() -> float:
        began = time.perf_counter()
        hand_written(spark, source, work / "out-spark")
        return time.perf_counter() - began

    piflow_round(), spark_round()  # warm-up: JIT, file listing caches
    piflow_times, spark_times = [], []
    for index in range(args.rounds):
        pair = (piflow_round, spark_round) if index % 2 == 0 else (spark_round, piflow_round)
        for fn in pair:
            (piflow_times if fn is piflow_round else spark_times).append(fn())
    a = spark.read.option("header", True).csv(str(work / "out-piflow")).orderBy("category").collect()
    b = spark.read.option("header", True).csv(str(work / "out-spark")).orderBy("category").collect()
    assert a == b, "the flow and the hand-written job disagree"
    shutil.rmtree(work, ignore_errors=True)
    print(f"rows {args.rows}, rounds {args.rounds}")
    print("piflow_s  " + " ".join(f"{t:.3f}" for t in piflow_times))
    print("pyspark_s " + " ".join(f"{t:.3f}" for t in spark_times))
    median_piflow, median_spark = statistics.median(piflow_times), statistics.median(spark_times)
    print(f"median piflow {median_piflow:.3f} s, hand-written {median_spark:.3f} s")
    print(f"ratio {median_piflow / median_spark:.3f}")


if __name__ == "__main__":
    main()
