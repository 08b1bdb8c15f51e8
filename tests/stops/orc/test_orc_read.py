from piflow.stops.orc.orc_read import OrcRead
from tests.stops._format_cases import FormatReadCases


class TestOrcRead(FormatReadCases):
    read = OrcRead
    fmt = "orc"
