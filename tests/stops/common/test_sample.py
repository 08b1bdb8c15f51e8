import pytest

from piflow.stops.common.sample import Sample
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_sample_keeps_about_the_fraction_repeatably(spark):
    # given
    numbers = spark.range(2000)
    props = {"fraction": "0.25", "seed": "3"}

    # when
    first = perform_stop(spark, Sample, props, {"": numbers})[""]
    second = perform_stop(spark, Sample, props, {"": numbers})[""]

    # then
    ids = [r.id for r in first.collect()]
    assert 350 < len(ids) < 650
    assert ids == [r.id for r in second.collect()]
    assert len(set(ids)) == len(ids)


def test_sample_rejects_fraction_above_one():
    # when / then
    with pytest.raises(StopPropertyError, match="fraction: 1.5 is more than 1"):
        make_stop(Sample, {"fraction": "1.5"})
