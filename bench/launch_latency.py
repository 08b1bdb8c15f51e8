"""Launch latency: ``POST /flow/start`` to the first stop STARTED on a warm worker, against a
cold ``spark-submit`` of the same one-stop job reaching its first line (how PiFlow launches
every flow).

    .venv/bin/python bench/launch_latency.py [--rounds 10] [--cold-rounds 3]

Warm: an isolated PiFlow (Daphne + the Spark worker, Redis when it answers) whose worker has
already run one flow; each round posts the flow and reads the stop's recorded start time.
Cold: ``spark-submit job.py`` of a job that builds its SparkSession and then prints its
first line, timed from launch to that line. Last line: ``speedup <cold / warm>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import BIN, Stack  # noqa: E402

FLOW = {
    "flow": {
        "name": "launch",
        "stops": [
            {
                "uuid": "1",
                "name": "MockData",
                "bundle": "cn.piflow.bundle.common.MockData",
                "properties": {"schema": "title:String,author:String,age:Int", "count": "10"},
            }
        ],
        "paths": [],
    }
}

COLD_JOB = """
import time
from pyspark.sql import SparkSession
spark = SparkSession.builder.appName("launch").getOrCreate()
print("FIRST LINE", time.time(), flush=True)
spark.range(10).selectExpr("uuid() AS title").collect()
spark.stop()
"""


def warm_round(stack: Stack) -> float:
    began = time.time()
    pid = stack.post("/flow/start", FLOW)["flow"]["id"]
    deadline = began + 120
    while time.time() < deadline:
        process = stack.get(f"/api/processes/{pid}/")
        started = process["stops"][0]["started_at"]
        if started:
            return dt.datetime.fromisoformat(started).timestamp() - began
        time.sleep(0.02)
    raise RuntimeError(f"run {pid} never started its stop")


def wait_finished(stack: Stack, pid: str) -> None:
    while stack.get(f"/api/processes/{pid}/")["state"] not in ("COMPLETED", "FAILED", "KILLED"):
        time.sleep(0.1)


def cold_round(job: Path) -> float:
    import os

    import pyspark

    env = {
        **os.environ,
        "SPARK_HOME": str(Path(pyspark.__file__).parent),
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
        "PATH": f"{BIN}:{os.environ.get('PATH', '')}",
    }
    began = time.time()
    child = subprocess.Popen(
        [str(BIN / "spark-submit"), "--master", "local[2]", "--conf", "spark.ui.enabled=false", str(job)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    for line in child.stdout:
        if line.startswith("FIRST LINE"):
            took = float(line.split()[2]) - began
            child.wait()
            return took
    raise RuntimeError("the cold job never printed its first line")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--cold-rounds", type=int, default=3)
    args = parser.parse_args()
    job = Path(tempfile.mkdtemp()) / "job.py"
    job.write_text(COLD_JOB)
    cold = [cold_round(job) for _ in range(args.cold_rounds)]
    with Stack(worker=True) as stack:
        print(f"stack: Redis {'on' if stack.env['REDIS_URL'] else 'off'}, port {stack.port}")
        warm_round(stack)  # the worker's first flow (its Python stops import, Spark plans)
        warm = []
        for _ in range(args.rounds):
            warm.append(warm_round(stack))
            time.sleep(0.5)
    print("cold_s " + " ".join(f"{t:.3f}" for t in cold))
    print("warm_s " + " ".join(f"{t:.3f}" for t in warm))
    cold_median, warm_median = statistics.median(cold), statistics.median(warm)
    print(f"median cold {cold_median:.3f} s, warm {warm_median:.3f} s")
    print(f"speedup {cold_median / warm_median:.1f}")


if __name__ == "__main__":
    main()
