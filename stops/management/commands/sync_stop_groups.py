"""``manage.py sync_stop_groups``: a StopGroup row for every registered group, built-in texts refreshed.

``migrate`` does the same at its end (``stops/apps.py``); this command is for running it alone.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS

from stops.services import sync_stop_groups


class Command(BaseCommand):
    help = (
        "Create a stop group for every group a registered stop declares and refresh the texts of "
        "the groups no operator edited from the engine's catalogue. Writes nothing when all is current. "
        "migrate runs it too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="The database to sync (default: default)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sync_stop_groups(using=options["database"])
        self.stdout.write(
            f"stop groups: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
