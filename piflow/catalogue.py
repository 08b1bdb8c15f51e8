"""The stop catalogue in PiFlow's wire shapes (``/stop/groups``, ``/stop/list``, ``/stop/info`` ...),
and stop descriptors in the user's language.

Pure functions over a ``StopRegistry`` or a stop class, shared by the web API and the CLI.
PiFlow sends lists as comma-joined strings and booleans as ``"true"``/``"false"``; these
functions keep that, so existing PiFlow clients read our answers unchanged. PiFlow's shapes are
English only; ``localized_descriptor`` and the ``group_*`` functions translate what we wrote
(each group package's ``locale/*.json``, see ``piflow.translations``), falling back to English for
anything without a translation.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from piflow import translations
from piflow.registry import StopRegistry
from piflow.sdk.ports import Port
from piflow.sdk.stop import Stop

#: What PiFlow's server answers for a bundle it cannot describe.
UNKNOWN_STOP_MESSAGE = "get PropertyDescriptor or getIcon Method Not Implemented Error!"


def stop_groups(registry: StopRegistry) -> dict[str, str]:
    """``{"groups": "Common,CSV,..."}``"""
    return {"groups": ",".join(registry.groups())}


def stop_list(registry: StopRegistry) -> dict[str, str]:
    """``{"stops": "bundle1,bundle2,..."}`` with our bundle ids, sorted."""
    return {"stops": ",".join(stop.bundle for stop in registry.stops())}


def stop_with_group(registry: StopRegistry) -> dict[str, str]:
    """``{"stopWithGroup": "Common:bundle,..."}``: one ``group:bundle`` pair per group a stop is in."""
    pairs = (f"{group}:{stop.bundle}" for group, stops in registry.by_group().items() for stop in stops)
    return {"stopWithGroup": ",".join(pairs)}


def stop_info(stop: type[Stop]) -> dict[str, Any]:
    """One stop as PiFlow's ``/stop/info`` describes it (the manual's shape)."""
    return {
        "name": stop.display_name(),
        "bundle": stop.bundle,
        "owner": stop.author,
        "groups": ",".join(stop.groups),
        "inports": _ports(stop.inports),
        "outports": _ports(stop.outports),
        "isCustomized": _flag(stop.customizable),
        "isDataSource": _flag(stop.is_data_source),
        "description": stop.summary(),
        "properties": [{"property": _property(prop.describe())} for prop in stop.properties()],
    }


# -- in the user's language ---------------------------------------------------------------

#: Languages the built-in stops are described in (Django's spelling), English first.
LANGUAGES = translations.LANGUAGES
SOURCE_LANGUAGE = translations.SOURCE_LANGUAGE
match_language = translations.match_language
normalize_language = translations.normalize_language


def group_label(group: str, language: str | None) -> str:
    """A group's name in ``language``: its translation, else its English label, else the id itself."""
    return (
        translations.group_entry(group, normalize_language(language)).get("label")
        or translations.group_entry(group, SOURCE_LANGUAGE).get("label")
        or group
    )


def group_description(group: str, language: str | None) -> str:
    """What a group holds, in ``language`` or else in English; ``""`` for a group we know nothing of."""
    return (
        translations.group_entry(group, normalize_language(language)).get("description")
        or translations.group_entry(group, SOURCE_LANGUAGE).get("description")
        or ""
    )


def group_translation(group: str, language: str | None) -> dict[str, str]:
    """Exactly what the catalogue of ``language`` holds for a group: ``label``/``description``, maybe
    neither (``{}`` too for a language without a catalogue: no fallback here)."""
    return dict(translations.group_entry(group, language))


def stop_translation(bundle: str, language: str | None) -> dict[str, Any]:
    """Exactly what the catalogue of ``language`` holds for a stop (``{}`` when nothing; no fallback)."""
    return copy.deepcopy(translations.stop_entry(bundle, language))


def localized_descriptor(
    stop: type[Stop], language: str | None, *, group_labels: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """``stop.descriptor()`` in ``language``: ``description`` and each property's ``label`` and
    ``description`` translated, plus ``groupLabels``, the localized names of ``groups``.

    ``groups`` stay the stable English ids (flows and filters use them). ``group_labels`` maps a
    group id to a label that wins over the catalogue (an operator's edit). Whatever has no
    translation stays in English, so a third-party stop is described as its author wrote it.
    """
    language = normalize_language(language)
    descriptor = stop.descriptor()
    entry = translations.stop_entry(stop.bundle, language) if language != SOURCE_LANGUAGE else {}
    descriptor["description"] = entry.get("description") or descriptor["description"]
    texts = entry.get("properties", {})
    for prop in descriptor["properties"]:
        text = texts.get(prop["name"], {})
        prop["label"] = text.get("label") or prop["label"]
        prop["description"] = text.get("description") or prop["description"]
    chosen = group_labels or {}
    descriptor["groupLabels"] = [chosen.get(group) or group_label(group, language) for group in stop.groups]
    return descriptor


def translation_gaps(stops: Iterable[type[Stop]], language: str | None) -> list[str]:
    """What the catalogue of ``language`` lacks, or holds in vain, for ``stops`` and their groups.

    One line per gap: a stop without a summary, a property without a label or description, a
    group without a label, a translated property the stop no longer has. Empty means complete.
    English is the stops' own language: only its group labels are looked for. A language with
    no catalogue at all raises ``ValueError``.
    """
    matched = match_language(language)
    if matched is None:
        raise ValueError(f"no stop catalogue for language {language!r} (known: {', '.join(LANGUAGES)})")
    language = matched
    gaps: list[str] = []
    groups: dict[str, None] = {}
    for stop in stops:
        groups.update(dict.fromkeys(stop.groups))
        if language == SOURCE_LANGUAGE:
            continue
        entry = translations.stop_entry(stop.bundle, language)
        if not str(entry.get("description", "")).strip():
            gaps.append(f"{stop.bundle}: no summary")
        texts = entry.get("properties", {})
        names = [prop.name for prop in stop.properties()]
        for name in names:
            for field in ("label", "description"):
                if not str(texts.get(name, {}).get(field, "")).strip():
                    gaps.append(f"{stop.bundle}: property {name} has no {field}")
        gaps.extend(
            f"{stop.bundle}: translates property {name}, which the stop lacks"
            for name in texts
            if name not in names
        )
    gaps.extend(
        f"group {group}: no label"
        for group in groups
        if not group_translation(group, language).get("label", "").strip()
    )
    return gaps


def unknown_stop(bundle: str) -> dict[str, str]:
    """The body PiFlow answers with when ``bundle`` names no stop."""
    return {"error": UNKNOWN_STOP_MESSAGE, "bundle": bundle}


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _ports(ports: tuple[str, ...]) -> str:
    # PiFlow spells the default port "Default" and a stop without ports "None".
    if not ports:
        return Port.NONE
    return ",".join(port or "Default" for port in ports)


def _property(described: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": described["name"],
        "displayName": described["label"],
        "description": described["description"],
        "defaultValue": described["default"],
        "allowableValues": list(described["choices"]),
        "required": _flag(described["required"]),
        "sensitive": _flag(described["sensitive"]),
        "example": described["example"],
        "language": described["language"],
    }
