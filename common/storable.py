"""Input the database cannot store, refused as a 400 before it reaches the database (where it would be a 500).

PostgreSQL refuses the NUL character (``\\u0000``) in any text, even in a query's parameters. Every
write checks what it will store with ``refuse_nul``; every read that filters by user text drops
NULs with ``without_nul`` (no stored text holds one, so the answer is the same).
"""

from __future__ import annotations

from typing import Any

from common.errors import ApplicationError

NUL = "\x00"
#: How many places a NUL error names at most.
NUL_PLACES_SHOWN = 10


def nul_places(data: Any) -> list[str]:
    """Where in ``data`` (parsed JSON) a string or key holds a NUL character, as ``stops[1].properties.x``."""
    places: list[str] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack and len(places) < NUL_PLACES_SHOWN:
        item, where = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                places.append(where or "(the value)")
        elif isinstance(item, dict):
            for key, value in reversed(list(item.items())):
                key_text = str(key)
                if NUL in key_text:
                    places.append(f"{where or '(the object)'} (key {key_text!r})")
                    key_text = key_text.replace(NUL, "\\x00")
                stack.append((value, f"{where}.{key_text}" if where else key_text))
        elif isinstance(item, list | tuple):
            stack.extend((value, f"{where}[{index}]") for index, value in reversed(list(enumerate(item))))
    return places


def refuse_nul(data: Any, *, what: str) -> None:
    """ApplicationError (400) naming every place (up to ten) in ``data`` that holds a NUL character."""
    if places := nul_places(data):
        raise ApplicationError(
            f"{what} contains a NUL character (\\u0000), which cannot be stored: at {', '.join(places)}",
            extra={"where": places},
        )


def without_nul(text: str) -> str:
    """``text`` fit for a query filter: without NUL characters."""
    return text.replace(NUL, "")
