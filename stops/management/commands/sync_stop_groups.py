"""``manage.py sync_stop_groups``: a StopGroup row for every registered group, built-in texts refreshed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from stops.services import sync_stop_groups


class Command(BaseCommand):
    help = (
        "Create a stop group for every group a registered stop declares and refresh the texts of "
        "the groups no operator edited from the engine's catalogue. Writes nothing when all is current."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sync_stop_groups()
        self.stdout.write(
            f"stop groups: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
