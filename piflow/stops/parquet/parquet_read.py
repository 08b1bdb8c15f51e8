"""ParquetRead stop."""

from __future__ import annotations

from piflow.stops._io import FormatRead


class ParquetRead(FormatRead):
    """Read Parquet files into a DataFrame.

    The schema comes from the files; a folder laid out in ``column=value`` directories gets
    those columns back.
    """

    bundle = "piflow.stops.parquet.ParquetRead"
    groups = ("Parquet",)
    fmt = "parquet"
    fmt_title = "Parquet"
