"""Small stops that exist only for the engine's tests (registered in a test registry)."""

from __future__ import annotations

import time

from piflow import Port, Stop
from piflow.registry import build_registry
from piflow.sdk import BoolProperty, IntProperty, StringProperty


class Numbers(Stop):
    """Rows 0..count-1 in a column ``n``."""

    bundle = "tests.Numbers"
    inports = ()
    count = IntProperty("Count", default=10)

    def perform(self, inputs, outputs, ctx):
        outputs.write(ctx.spark.range(self.count).withColumnRenamed("id", "n"))


class Double(Stop):
    """n * 2."""

    bundle = "tests.Double"

    def perform(self, inputs, outputs, ctx):
        outputs.write(inputs.read().selectExpr("n * 2 AS n"))


class SaveParquet(Stop):
    """Writes its input to ``path`` and counts how often it performed (a file next to it)."""

    bundle = "tests.SaveParquet"
    path = StringProperty("Path", required=True)
    password = StringProperty("Password", sensitive=True)

    def perform(self, inputs, outputs, ctx):
        ctx.log.info("saving to %s with password %s", self.path, self.password)
        df = inputs.read()
        df.write.mode("overwrite").parquet(self.path)
        outputs.write(df)


class Boom(Stop):
    """Always fails."""

    bundle = "tests.Boom"
    message = StringProperty("Message", default="boom")

    def perform(self, inputs, outputs, ctx):
        raise ValueError(self.message)


class SlowCount(Stop):
    """Counts its input through a Python UDF that sleeps, so the job runs for a long time."""

    bundle = "tests.SlowCount"
    seconds = IntProperty("Seconds per row", default=1)
    fail = BoolProperty("Fail", default=False)

    def perform(self, inputs, outputs, ctx):
        from pyspark.sql import functions as F

        delay = self.seconds

        @F.udf("long")
        def slow(n):
            time.sleep(delay)
            return n

        df = inputs.read().repartition(2).select(slow("n").alias("n"))
        df.agg(F.sum("n")).collect()  # a plain count() could prune the UDF away
        outputs.write(df)


class TwoOut(Stop):
    """Writes evens to Left-like port ``even`` and odds to ``odd``."""

    bundle = "tests.TwoOut"
    outports = ("even", "odd")

    def perform(self, inputs, outputs, ctx):
        df = inputs.read()
        outputs.write(df.filter("n % 2 = 0"), "even")
        outputs.write(df.filter("n % 2 = 1"), "odd")


class Pair(Stop):
    """Needs Left and Right; writes Left."""

    bundle = "tests.Pair"
    inports = (Port.LEFT, Port.RIGHT)

    def perform(self, inputs, outputs, ctx):
        outputs.write(inputs.read(Port.LEFT).unionByName(inputs.read(Port.RIGHT)))


TEST_STOPS = (Numbers, Double, SaveParquet, Boom, SlowCount, TwoOut, Pair)


def registry():
    reg = build_registry(include_entry_points=False)
    for stop in TEST_STOPS:
        reg.register(stop)
    return reg


class Tapped(Stop):
    """Passes its input on, counting every row it computes in a Spark accumulator."""

    bundle = "tests.Tapped"
    accumulator = None

    def perform(self, inputs, outputs, ctx):
        from pyspark.sql import functions as F

        acc = Tapped.accumulator = ctx.spark.sparkContext.accumulator(0)

        @F.udf("long")
        def tap(n):
            acc.add(1)
            return n

        outputs.write(inputs.read().select(tap("n").alias("n")))


TEST_STOPS = (*TEST_STOPS, Tapped)
