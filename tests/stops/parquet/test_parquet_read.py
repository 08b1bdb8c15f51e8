from piflow.stops.parquet.parquet_read import ParquetRead
from tests.stops._format_cases import FormatReadCases


class TestParquetRead(FormatReadCases):
    read = ParquetRead
    fmt = "parquet"
