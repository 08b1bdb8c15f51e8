"""Reading settings from the environment: small typed helpers, no Django imports."""

from __future__ import annotations

import os
from collections.abc import Mapping

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """``1/true/yes/on`` or ``0/false/no/off`` (any case); anything else is a configuration error."""
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no)")


def env_list(name: str, default: tuple[str, ...] = (), environ: Mapping[str, str] | None = None) -> list[str]:
    """A comma-separated list; blanks dropped. Unset or empty gives ``default``."""
    environ = os.environ if environ is None else environ
    items = [item.strip() for item in environ.get(name, "").split(",") if item.strip()]
    return items or list(default)
