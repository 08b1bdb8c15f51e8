"""The stops' tests run each stop on the session's SparkSession: all of them are marked ``spark``."""

from __future__ import annotations

import pytest


def pytest_itemcollected(item: pytest.Item) -> None:
    item.add_marker(pytest.mark.spark)
