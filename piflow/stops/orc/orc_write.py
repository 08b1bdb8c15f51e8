"""OrcWrite stop."""

from __future__ import annotations

from piflow.stops._io import FormatWrite


class OrcWrite(FormatWrite):
    """Write the DataFrame as ORC files, and pass it on unchanged.

    ``partitionBy`` lays the files out in ``column=value`` directories; an existing ``path`` is
    overwritten unless ``saveMode`` says otherwise.
    """

    bundle = "piflow.stops.orc.OrcWrite"
    groups = ("Orc",)
    fmt = "orc"
    fmt_title = "ORC"
