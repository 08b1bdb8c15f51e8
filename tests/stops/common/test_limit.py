import pytest

from piflow.stops.common.limit import Limit
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_limit_keeps_at_most_count_rows(spark):
    # given
    numbers = spark.range(10)

    # when
    out = perform_stop(spark, Limit, {"count": "3"}, {"": numbers})

    # then
    assert out[""].count() == 3


def test_limit_rejects_negative_count():
    # when / then
    with pytest.raises(StopPropertyError, match="count: -2 is less than 0"):
        make_stop(Limit, {"count": "-2"})
