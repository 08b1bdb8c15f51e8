"""Translations of the stops' texts, kept beside the stops: ``<package>/locale/<language>.json``.

English is the source language: a stop's summary, its properties' labels and descriptions are
written in English in its code. Each built-in group package (``piflow/stops/common/``,
``piflow/stops/csv/`` ...) has a ``locale/`` directory whose catalogues cover its own group and
stops. A catalogue gives, for one language, what a palette shows::

    {
      "groups": {"Common": {"label": "通用", "description": "..."}},
      "stops": {
        "piflow.stops.common.Filter": {
          "description": "只保留满足 Spark SQL 条件的行。",
          "properties": {"condition": {"label": "条件", "description": "..."}}
        }
      }
    }

``en.json`` holds only the group's English label and description (stops declare bare ids such
as ``Jdbc``). A language's catalogue is all of its files merged.

A third-party stop package ships its catalogues the same way: a ``locale/`` directory beside the
module its ``piflow.stops`` entry point names (that module must live in a package, so the
directory is the package's own). The built-in catalogues win where two say something about the
same group. Anything no catalogue has (a new stop, a new property) falls back to English.
Callers use ``piflow.catalogue``; this module only finds, loads and looks up.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from piflow.registry import ENTRY_POINT_GROUP

#: Where the built-in group packages live; each may hold a ``locale/`` directory.
BUILTIN_STOPS_DIR = Path(__file__).resolve().parent / "stops"

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


def catalogue_file(locale_dir: Path, language: str) -> Path:
    """The file of ``language``'s catalogue in a ``locale/`` directory (``zh-hans`` -> ``zh_hans.json``)."""
    return locale_dir / f"{language.replace('-', '_')}.json"


def builtin_locale_dirs() -> list[Path]:
    """The ``locale/`` directory of every built-in group package, sorted."""
    return sorted(path for path in BUILTIN_STOPS_DIR.glob("*/locale") if path.is_dir())


def third_party_locale_dirs() -> list[Path]:
    """The ``locale/`` directories beside the modules installed stop packages' entry points name."""
    dirs: list[Path] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            spec = importlib.util.find_spec(ep.module)
        except (ImportError, ValueError):
            continue  # the registry reports a broken package; its texts just stay English
        if spec is None or spec.origin is None:
            continue
        if spec.submodule_search_locations is None and "." not in ep.module:
            continue  # a top-level module: the directory beside it is site-packages, nobody's own
        path = Path(spec.origin).parent / "locale"
        if path.is_dir() and path not in dirs:
            dirs.append(path)
    return dirs


def locale_dirs() -> list[Path]:
    """Every ``locale/`` directory a catalogue is merged from: the built-in ones first."""
    return [*builtin_locale_dirs(), *third_party_locale_dirs()]


@cache
def load_catalogue(language: str | None) -> dict[str, Any]:
    """The catalogue of a language (empty when it is not supported); read once per process."""
    merged: dict[str, Any] = {"groups": {}, "stops": {}}
    code = match_language(language)
    if code is None:
        return merged
    for locale_dir in locale_dirs():
        path = catalogue_file(locale_dir, code)
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for section in ("groups", "stops"):
            for key, entry in data.get(section, {}).items():
                merged[section].setdefault(key, entry)  # the first directory, a built-in one, wins
    return merged


def stop_entry(bundle: str, language: str | None) -> dict[str, Any]:
    """What the catalogue of ``language`` says about one stop (``{}`` when nothing)."""
    entry: dict[str, Any] = load_catalogue(language)["stops"].get(bundle, {})
    return entry


def group_entry(group: str, language: str | None) -> dict[str, str]:
    """What the catalogue of ``language`` says about one group (``{}`` when nothing)."""
    entry: dict[str, str] = load_catalogue(language)["groups"].get(group, {})
    return entry
