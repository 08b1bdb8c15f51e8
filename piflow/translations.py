"""Translations of the built-in stops' texts, read from ``piflow/stops/locale/<language>.json``.

English is the source language: a stop's summary, its properties' labels and descriptions are
written in English in its code. A catalogue gives, for one language, what a palette shows::

    {
      "groups": {"Common": {"label": "通用", "description": "..."}},
      "stops": {
        "piflow.stops.common.Filter": {
          "description": "只保留满足 Spark SQL 条件的行。",
          "properties": {"condition": {"label": "条件", "description": "..."}}
        }
      }
    }

``en.json`` holds only the groups' English labels and descriptions (stops declare bare ids
such as ``Jdbc``). Anything a catalogue lacks (a third-party stop, a new property) falls back
to English. Callers use ``piflow.catalogue``; this module only loads and looks up.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent / "stops" / "locale"

#: The language the stops' code is written in.
SOURCE_LANGUAGE = "en"
#: Languages with a catalogue, as Django spells them (``LANGUAGES``).
LANGUAGES = ("en", "zh-hans")

_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-my": "zh-hans"}


def match_language(language: str | None) -> str | None:
    """The supported language ``language`` names (``zh_Hans``, ``zh-CN`` -> ``zh-hans``), or None."""
    code = (language or "").strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    if code in LANGUAGES:
        return code
    if code.startswith("zh-hans-"):
        return "zh-hans"
    base = code.split("-", 1)[0]
    return base if base in LANGUAGES else None


def normalize_language(language: str | None) -> str:
    """The supported language ``language`` names; English when it names none."""
    return match_language(language) or SOURCE_LANGUAGE


@cache
def load_catalogue(language: str | None) -> dict[str, Any]:
    """The catalogue of a language (empty when it is not supported); read once per process."""
    code = match_language(language)
    path = LOCALE_DIR / f"{(code or '').replace('-', '_')}.json"
    if code is None or not path.exists():
        return {"groups": {}, "stops": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"groups": dict(data.get("groups", {})), "stops": dict(data.get("stops", {}))}


def stop_entry(bundle: str, language: str | None) -> dict[str, Any]:
    """What the catalogue of ``language`` says about one stop (``{}`` when nothing)."""
    return load_catalogue(language)["stops"].get(bundle, {})


def group_entry(group: str, language: str | None) -> dict[str, str]:
    """What the catalogue of ``language`` says about one group (``{}`` when nothing)."""
    return load_catalogue(language)["groups"].get(group, {})
