"""The stops app: the palette's groups. Their rows follow the registry after every ``migrate``."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StopsConfig(AppConfig):
    name = "stops"
    verbose_name = _("Stops")

    def dashboard_counts(self, user: Any) -> dict[str, int]:
        """Stops in the catalogue, built-in and installed (the same for everyone)."""
        from stops.selectors import stop_registry

        return {"stops": len(stop_registry().stops())}

    def ready(self) -> None:
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="stops.sync_after_migrate")


def sync_after_migrate(
    sender: AppConfig, *, using: str = DEFAULT_DB_ALIAS, verbosity: int = 1, **kwargs: Any
) -> None:
    """``post_migrate`` receiver: a ``StopGroup`` row for every registered group (``sync_stop_groups``).

    ``migrate`` runs at deploy and in ``scripts/start.sh``, so a newly installed stop package's
    groups get their rows there, never on a request. Nothing happens while the table is missing
    (the app migrated back to zero) or when the database takes no stops tables.
    """
    from stops.models import StopGroup
    from stops.services import sync_stop_groups

    if not router.allow_migrate_model(using, StopGroup):
        return
    if StopGroup._meta.db_table not in connections[using].introspection.table_names():
        return
    result = sync_stop_groups(using=using)
    if verbosity >= 2:
        print(
            f"  Stop groups: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
