"""Port names, as PiFlow spells them.

The default port is the empty string on the wire and in paths; on disk (checkpoint and
debug directories) it is spelled ``default``.
"""

from __future__ import annotations


class Port:
    """PiFlow's port constants. Any other string is a literal, user-named port."""

    DEFAULT = ""
    ANY = "Any"
    NONE = "None"
    LEFT = "Left"
    RIGHT = "Right"
    ROUTE = "Route"


def normalize_port(name: str | None) -> str:
    """Map the spellings of the default port (``""``, ``"default"``, ``"Default"``) to ``""``."""
    name = (name or "").strip()
    return Port.DEFAULT if name.lower() == "default" else name


def port_dirname(port: str) -> str:
    """The directory name a port's data is stored under."""
    return port or "default"
