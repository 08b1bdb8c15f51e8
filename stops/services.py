"""Writes of the stops app: keeping ``StopGroup`` rows in step with the registry and the engine.

Every group a registered stop declares gets a row, seeded with the engine's texts in every
language (each group package's ``locale/``, see ``piflow.translations``). Rows an operator edited
(``customized``) are left alone; the others follow the engine's catalogue when it changes.
The sync runs after every ``migrate`` (``post_migrate``, see ``stops/apps.py``; ``scripts/start.sh``
migrates) and on ``manage.py sync_stop_groups``; requests only read. Nothing is written when
nothing changed: a sync then costs one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

import piflow
from piflow import catalogue
from stops.models import StopGroup
from stops.selectors import stop_registry

#: StopGroup's translated fields (``stops/translation.py``).
TRANSLATED_FIELDS = ("label", "description")


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int
    unchanged: int


def builtin_texts(name: str) -> dict[str, str | None]:
    """A group's texts from the engine, by localized field: ``{"label_en": ..., "label_zh_hans": ...}``.

    The default language always has a label (the group id at worst) and a description (maybe
    ``""``); another language has its translation or ``None`` (modeltranslation then falls back).
    """
    texts: dict[str, str | None] = {}
    for language in AVAILABLE_LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            label, description = (
                catalogue.group_label(name, language),
                catalogue.group_description(name, language),
            )
        else:
            entry = catalogue.group_translation(name, language)
            label, description = entry.get("label") or None, entry.get("description") or None
        texts[build_localized_fieldname("label", language)] = label
        texts[build_localized_fieldname("description", language)] = description
    return texts


def sync_stop_groups(
    registry: piflow.StopRegistry | None = None, *, using: str = DEFAULT_DB_ALIAS
) -> SyncResult:
    """Create a row for every registered group and refresh the rows no operator edited.

    Rows of groups no longer registered (an uninstalled package) stay, with their translations.
    ``using`` is the database alias to write to (``migrate --database``).
    """
    names = (registry or stop_registry()).groups()
    groups = StopGroup.objects.using(using)
    rows = {row.name: row for row in groups.filter(name__in=names)}
    created: list[StopGroup] = []
    updated: list[StopGroup] = []
    fields: list[str] = []
    for name in names:
        wanted = builtin_texts(name)
        fields = list(wanted)
        row = rows.get(name)
        if row is None:
            created.append(
                StopGroup(
                    name=name,
                    label=wanted[_default("label")],
                    description=wanted[_default("description")] or "",
                    **wanted,
                )
            )
        elif not row.customized and any(getattr(row, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(row, field, value)
            row.updated_at = timezone.now()
            updated.append(row)
    if created:
        groups.bulk_create(created, ignore_conflicts=True)  # a concurrent sync may win
    if updated:
        groups.bulk_update(updated, [*fields, "updated_at"])
    return SyncResult(
        created=len(created), updated=len(updated), unchanged=len(names) - len(created) - len(updated)
    )


def _default(field: str) -> str:
    return build_localized_fieldname(field, DEFAULT_LANGUAGE)
