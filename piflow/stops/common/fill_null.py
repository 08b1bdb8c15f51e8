"""FillNull stop."""

from __future__ import annotations

import datetime as dt
import decimal

from pyspark.sql import Column
from pyspark.sql import functions as F
from pyspark.sql import types as T

from piflow.sdk import Inputs, ListProperty, Outputs, Stop, StopContext, StringProperty
from piflow.stops._io import quote_name
from piflow.stops.common._util import MissingColumnError, missing_columns

_INT_BITS: dict[type[T.DataType], int] = {T.ByteType: 8, T.ShortType: 16, T.IntegerType: 32, T.LongType: 64}
_BOOLEANS = {"true": True, "false": False}


def _typed(text: str, data_type: T.DataType) -> object:
    """``text`` as a Python value of ``data_type``; ValueError when it is not one."""
    if isinstance(data_type, T.StringType | T.VarcharType | T.CharType):
        return text
    if type(data_type) in _INT_BITS:
        number, limit = int(text), 2 ** (_INT_BITS[type(data_type)] - 1)
        if not -limit <= number < limit:
            raise ValueError(f"{number} is out of range")
        return number
    if isinstance(data_type, T.DecimalType):
        try:
            return decimal.Decimal(text)
        except decimal.InvalidOperation:
            raise ValueError(text) from None
    if isinstance(data_type, T.FloatType | T.DoubleType):
        return float(text)
    if isinstance(data_type, T.BooleanType):
        if text.lower() not in _BOOLEANS:
            raise ValueError(f"{text!r} is not true or false")
        return _BOOLEANS[text.lower()]
    if isinstance(data_type, T.DateType):
        return dt.date.fromisoformat(text)
    if isinstance(data_type, T.TimestampType | T.TimestampNTZType):
        return dt.datetime.fromisoformat(text)
    raise ValueError(f"{data_type.simpleString()} columns cannot be filled")


def _filled(name: str, data_type: T.DataType, value: object) -> Column:
    column = F.col(quote_name(name))
    missing = column.isNull()
    if isinstance(data_type, T.FloatType | T.DoubleType):
        missing = missing | F.isnan(column)
    return F.when(missing, F.lit(value).cast(data_type)).otherwise(column)


class FillNull(Stop):
    """Replace nulls with a value, in the listed columns or in every column it fits.

    The value is given as text and converted to each column's type: a number for numeric
    columns, true/false for booleans, ISO ``2024-01-31`` or ``2024-01-31 08:00:00`` for dates
    and timestamps. NaN counts as null in float and double columns. Without ``columnNames``
    the columns the value does not fit are left alone; a listed column it does not fit fails
    the stop.
    """

    bundle = "piflow.stops.common.FillNull"
    groups = ("Common",)
    value = StringProperty(
        "Value",
        required=True,
        description="The replacement for null, converted to each column's type.",
        example="0",
    )
    column_names = ListProperty(
        "Column names",
        description="The columns to fill, comma separated; empty fills every column the value fits.",
        example="age,score",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        if self.column_names:
            missing = missing_columns(df, self.column_names)
            if missing:
                raise MissingColumnError(f"FillNull: no column {', '.join(map(repr, missing))} in the input")
        wanted = {name.lower() for name in self.column_names or ()}
        replaced = {}
        for field in df.schema.fields:
            if wanted and field.name.lower() not in wanted:
                continue
            try:
                value = _typed(self.value, field.dataType)
            except ValueError:
                if wanted:
                    raise ValueError(
                        f"FillNull: value {self.value!r} does not fit column {field.name!r} "
                        f"of type {field.dataType.simpleString()}"
                    ) from None
                continue
            replaced[field.name] = _filled(field.name, field.dataType, value)
        outputs.write(df.withColumns(replaced) if replaced else df)
