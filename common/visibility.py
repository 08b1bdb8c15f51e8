"""Who sees what: a user their own objects, an admin (Django's staff) everyone's.

Every selector of an owned model reads through ``visible_to``; anything outside it is a 404
(``NotFoundError``), never a 403, so nobody learns that someone else's object exists.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from common.errors import NotFoundError


def visible_to(queryset: QuerySet, user: Any, *, owner_field: str = "owner") -> QuerySet:
    """``queryset`` narrowed to what ``user`` may see: everything for an admin, else what they own."""
    if user.is_staff:
        return queryset
    return queryset.filter(**{owner_field: user})


def get_visible(
    queryset: QuerySet, user: Any, *, message: str, extra: dict[str, Any] | None = None, **lookup: Any
) -> Any:
    """The one object of ``queryset`` matching ``lookup`` that ``user`` may see; else NotFoundError(message)."""
    found = visible_to(queryset, user).filter(**lookup).first()
    if found is None:
        raise NotFoundError(message, extra=extra)
    return found
