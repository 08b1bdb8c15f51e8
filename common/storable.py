"""Input the database cannot store, refused as a 400 before it reaches the database (where it would be a 500).

PostgreSQL refuses the NUL character (``\\u0000``) in any text, even in a query's parameters, and
no database can store a lone surrogate (``\\ud800``: half a UTF-16 pair, which JSON lets through
but is not Unicode text). Every write checks what it will store with ``refuse_nul``; every read
that filters by user text drops NULs with ``without_nul`` (no stored text holds one, so the answer is the same).
"""

from __future__ import annotations

import re
from typing import Any

from common.errors import ApplicationError

NUL = "\x00"
_SURROGATES = re.compile("[\ud800-\udfff]")


def _unstorable(text: str) -> bool:
    return NUL in text or _SURROGATES.search(text) is not None


def _shown(text: str) -> str:
    """``text`` with NULs and lone surrogates written as escapes, fit for a message and a JSON answer."""
    return text.replace(NUL, "\\x00").encode("utf-8", "backslashreplace").decode("utf-8")


#: How many places a NUL error names at most.
NUL_PLACES_SHOWN = 10


def nul_places(data: Any) -> list[str]:
    """Where in ``data`` (parsed JSON) a string or key holds a NUL or a lone surrogate, as ``stops[1].properties.x``."""
    places: list[str] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack and len(places) < NUL_PLACES_SHOWN:
        item, where = stack.pop()
        if isinstance(item, str):
            if _unstorable(item):
                places.append(where or "(the value)")
        elif isinstance(item, dict):
            for key, value in reversed(list(item.items())):
                key_text = str(key)
                if _unstorable(key_text):
                    places.append(f"{where or '(the object)'} (key {key_text!r})")
                    key_text = _shown(key_text)
                stack.append((value, f"{where}.{key_text}" if where else key_text))
        elif isinstance(item, list | tuple):
            stack.extend((value, f"{where}[{index}]") for index, value in reversed(list(enumerate(item))))
    return places


def refuse_nul(data: Any, *, what: str) -> None:
    """ApplicationError (400) naming every place (up to ten) in ``data`` holding a NUL or a lone surrogate."""
    if places := nul_places(data):
        raise ApplicationError(
            f"{what} contains a NUL character (\\u0000) or a lone surrogate (\\ud800-\\udfff), which cannot "
            f"be stored: at {', '.join(places)}",
            extra={"where": places},
        )


def without_nul(text: str) -> str:
    """``text`` fit for a query filter: without NUL characters."""
    return text.replace(NUL, "")
