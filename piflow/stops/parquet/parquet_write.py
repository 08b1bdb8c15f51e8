"""ParquetWrite stop."""

from __future__ import annotations

from piflow.stops._io import FormatWrite


class ParquetWrite(FormatWrite):
    """Write the DataFrame as Parquet files, and pass it on unchanged.

    ``partitionBy`` lays the files out in ``column=value`` directories; an existing ``path`` is
    overwritten unless ``saveMode`` says otherwise.
    """

    bundle = "piflow.stops.parquet.ParquetWrite"
    groups = ("Parquet",)
    fmt = "parquet"
    fmt_title = "Parquet"
