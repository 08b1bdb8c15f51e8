"""OrcRead stop."""

from __future__ import annotations

from piflow.stops._io import FormatRead


class OrcRead(FormatRead):
    """Read ORC files into a DataFrame.

    The schema comes from the files; a folder laid out in ``column=value`` directories gets
    those columns back.
    """

    bundle = "piflow.stops.orc.OrcRead"
    groups = ("Orc",)
    fmt = "orc"
    fmt_title = "ORC"
