"""Helpers shared by several Common stops: ``old->new`` pair properties, renaming, unions, ports."""

from __future__ import annotations

from functools import reduce
from typing import TYPE_CHECKING, Any

from piflow.sdk import Property, PropertyError, StopInputError, normalize_port

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pyspark.sql import DataFrame


class MissingColumnError(ValueError):
    """A stop was told to use a column its input does not have."""


class PairsProperty(Property):
    """A list of ``old<arrow>new`` pairs separated by ``separator``, e.g. ``a->b,c->d``.

    Converts to a tuple of ``(old, new)`` tuples; a malformed pair is a PropertyError, so a
    bad value is reported when the flow is validated, not when it runs.
    """

    def __init__(self, label: str, *, arrow: str, separator: str = ",", **kw: Any) -> None:
        super().__init__(label, **kw)
        self.arrow = arrow
        self.separator = separator

    def _convert(self, text: str) -> tuple[tuple[str, str], ...]:
        pairs = []
        for item in (part.strip() for part in text.split(self.separator)):
            if not item:
                continue
            old, arrow, new = (side.strip() for side in item.partition(self.arrow))
            if not arrow or not old or not new or self.arrow in new:
                raise PropertyError(f"{item!r} is not of the form old{self.arrow}new")
            pairs.append((old, new))
        if not pairs:
            raise PropertyError(f"no old{self.arrow}new pair given")
        return tuple(pairs)


def missing_columns(df: DataFrame, names: Iterable[str]) -> list[str]:
    """The ``names`` that are not top-level columns of ``df`` (compared case-insensitively, as Spark does)."""
    present = {column.lower() for column in df.columns}
    return [name for name in names if name.lower() not in present]


def rename_columns(df: DataFrame, pairs: Iterable[tuple[str, str]], *, strict: bool) -> DataFrame:
    """Rename columns ``old -> new``; with ``strict``, a missing ``old`` column is a MissingColumnError."""
    mapping: Mapping[str, str] = dict(pairs)
    if strict:
        missing = missing_columns(df, mapping)
        if missing:
            raise MissingColumnError(
                f"cannot rename missing column(s) {', '.join(map(repr, missing))}; "
                f"the input has {', '.join(map(repr, df.columns))}"
            )
    return df.withColumnsRenamed(dict(mapping))


def union_frames(frames: Iterable[DataFrame], *, by_name: bool) -> DataFrame:
    """Union DataFrames by column position, or by name filling missing columns with nulls."""
    frames = list(frames)
    if not frames:
        raise StopInputError("no input is connected")
    if by_name:
        return reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), frames)
    return reduce(lambda a, b: a.union(b), frames)


def unique_ports(names: Iterable[str]) -> tuple[str, ...]:
    """The port names normalized, each once, in the order they first come."""
    return tuple(dict.fromkeys(normalize_port(name) for name in names))
