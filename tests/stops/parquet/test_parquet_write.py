from piflow.stops.parquet.parquet_read import ParquetRead
from piflow.stops.parquet.parquet_write import ParquetWrite
from tests.stops._format_cases import FormatWriteCases


class TestParquetWrite(FormatWriteCases):
    write = ParquetWrite
    read = ParquetRead
    fmt = "parquet"
