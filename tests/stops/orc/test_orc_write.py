from piflow.stops.orc.orc_read import OrcRead
from piflow.stops.orc.orc_write import OrcWrite
from tests.stops._format_cases import FormatWriteCases


class TestOrcWrite(FormatWriteCases):
    write = OrcWrite
    read = OrcRead
    fmt = "orc"
