"""Reads of the access app: the engine policy for a user, their workspace and Hive database."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q

import piflow
from access.models import Grant, GrantKind


def workspace_dir(user: Any) -> Path:
    """The user's own folder for their files, ``$PIFLOW_DATA_DIR/files/<user id>/`` (created on demand)."""
    path = Path(settings.PIFLOW_DATA_DIR).resolve() / "files" / str(user.pk)
    path.mkdir(parents=True, exist_ok=True)
    return path


def own_database(user: Any) -> str:
    """The Hive database named after the user, e.g. ``user_ada`` (only letters, digits and _)."""
    return "user_" + re.sub(r"[^a-z0-9_]", "_", user.get_username().lower())


def grants_of(user: Any) -> dict[str, list[str]]:
    """Grant kind -> the values granted to ``user`` and to everyone."""
    granted: dict[str, list[str]] = {kind: [] for kind in GrantKind.values}
    rows = Grant.objects.filter(Q(user=user) | Q(user__isnull=True)).values_list("kind", "value")
    for kind, value in rows:
        granted.setdefault(kind, []).append(value)
    return granted


def _service_addresses() -> list[str]:
    """``host:port`` of the application's own database and Redis: never reachable from a user's flow."""
    addresses = []
    database = settings.DATABASES["default"]
    if database.get("HOST"):
        addresses.append(f"{database['HOST']}:{database.get('PORT') or _default_port(database['ENGINE'])}")
    if settings.REDIS_URL:
        parsed = urlsplit(settings.REDIS_URL)
        addresses.append(f"{parsed.hostname or '127.0.0.1'}:{parsed.port or 6379}")
    return addresses


def _default_port(engine: str) -> int:
    return 3306 if "mysql" in engine else 5432


def _protected_dirs() -> list[str]:
    """The data dir: its own files (secret key, databases, runs, warehouse) are never a user's."""
    return [str(Path(settings.PIFLOW_DATA_DIR).resolve())]


def policy_for(user: Any) -> piflow.AccessPolicy:
    """What ``user``'s flows may reach: everything for an admin; else their workspace, their Hive
    database, the settings' shared roots and hosts, and their grants."""
    if user.is_staff:
        return piflow.AccessPolicy.admin(user=user.get_username())
    granted = grants_of(user)
    return piflow.AccessPolicy(
        file_roots=(
            str(workspace_dir(user)),
            *settings.PIFLOW_USER_FILE_ROOTS,
            *granted[GrantKind.FILE_ROOT],
        ),
        uri_prefixes=tuple(granted[GrantKind.URI_PREFIX]),
        protected=tuple(_protected_dirs()),
        allowed_hosts=(*settings.PIFLOW_ALLOWED_HOSTS_FOR_USERS, *granted[GrantKind.HOST]),
        denied_hosts=tuple(_service_addresses()),
        hive_databases=(own_database(user), *granted[GrantKind.HIVE_DATABASE]),
        may_run_code=bool(granted[GrantKind.RUN_CODE]),
        user=user.get_username(),
    )
