"""Reads of the stop catalogue. Stops live in the engine's registry; group texts in ``StopGroup``.

Nothing here writes. A group without a row yet (its package installed since the last ``migrate``)
reads as the engine's texts.
"""

from __future__ import annotations

from typing import Any

from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

import piflow
from piflow import catalogue
from stops.models import StopGroup


def stop_registry() -> piflow.StopRegistry:
    """The process-wide registry: built-in stops plus installed third-party packages."""
    return piflow.default_registry()


def stop_list(
    *, group: str | None = None, search: str | None = None, language: str | None = None
) -> list[type[piflow.Stop]]:
    """Registered stops sorted by bundle id, optionally in ``group`` and matching ``search``.

    ``group`` matches a group name ignoring case; ``search`` is a case-insensitive substring of
    the stop's name or description, in English or in ``language``.
    """
    stops = stop_registry().stops()
    if group:
        wanted = group.strip().lower()
        stops = [stop for stop in stops if wanted in (g.lower() for g in stop.groups)]
    if search:
        needle = search.strip().lower()
        stops = [stop for stop in stops if needle in _searchable(stop, language)]
    return stops


def _searchable(stop: type[piflow.Stop], language: str | None) -> str:
    translated = catalogue.stop_translation(stop.bundle, language).get("description", "") if language else ""
    return "\n".join((stop.display_name(), stop.__doc__ or "", translated)).lower()


def stop_get(*, bundle: str) -> type[piflow.Stop]:
    """The stop for a bundle id or any PiFlow alias; raises ``piflow.UnknownStopError``."""
    return stop_registry().get(bundle)


def group_text(group: str, field: str, language: str, row: StopGroup | None) -> str:
    """A group's ``label`` or ``description`` in ``language``.

    In order: the row's text in that language (an operator's edit wins), the engine's translation,
    the row's text in the default language, the engine's English text (the id, for a label).
    """
    own = getattr(row, build_localized_fieldname(field, language), None) if row else None
    if own:
        return own
    builtin = catalogue.group_translation(group, language).get(field)
    if builtin:
        return builtin
    default = getattr(row, build_localized_fieldname(field, DEFAULT_LANGUAGE), None) if row else None
    if default:
        return default
    if field == "label":
        return catalogue.group_label(group, DEFAULT_LANGUAGE)
    return catalogue.group_description(group, DEFAULT_LANGUAGE)


def group_labels(*, language: str) -> dict[str, str]:
    """Every registered group's label in ``language``: group id -> label."""
    groups = stop_registry().groups()
    rows = {row.name: row for row in StopGroup.objects.filter(name__in=groups)}
    return {group: group_text(group, "label", language, rows.get(group)) for group in groups}


def stop_group_list(*, language: str) -> list[dict[str, Any]]:
    """Every registered group, in the registry's order: ``{name, label, description, count}``."""
    by_group = stop_registry().by_group()
    rows = {row.name: row for row in StopGroup.objects.filter(name__in=by_group)}
    return [
        {
            "name": group,
            "label": group_text(group, "label", language, rows.get(group)),
            "description": group_text(group, "description", language, rows.get(group)),
            "count": len(stops),
        }
        for group, stops in by_group.items()
    ]
