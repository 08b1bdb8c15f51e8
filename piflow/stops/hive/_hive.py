"""What the Hive stops share: database and table names that are checked, then quoted."""

from __future__ import annotations

import re
from typing import Any

from piflow.sdk import PropertyError, StringProperty

#: Hive's metastore accepts names of letters, digits and underscores only.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_]+\Z")


class HiveNameProperty(StringProperty):
    """A Hive database or table name: letters, digits and underscores only."""

    def __init__(self, label: str, **kw: Any) -> None:
        kw.setdefault("required", True)
        super().__init__(label, **kw)

    def _convert(self, text: str) -> str:
        if not _PLAIN_NAME.match(text):
            raise PropertyError(f"{text!r} is not a plain Hive name (letters, digits and _ only)")
        return text


def quote_name(*parts: str) -> str:
    """```db`.`table``` from checked names (a backtick in a name is doubled, should one get here)."""
    return ".".join("`" + part.replace("`", "``") + "`" for part in parts)
