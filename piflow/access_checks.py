"""A stop's property values against its owner's ``AccessPolicy``, property by property.

Validation runs these before a run (each refusal a ``Problem`` naming the property) and the
runner runs them again right before the stop performs. SQL is checked by the runner only: it
needs Spark's parser (``piflow.runtime.sql_guard``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from piflow.access import HIVE_DATABASE, HOST, JDBC_URL, PATH, AccessDenied, AccessPolicy
from piflow.jdbc_url import check_jdbc_url
from piflow.sdk.stop import Stop


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value if str(item).strip()]
    return [str(value)] if str(value).strip() else []


def _check_host_value(text: str, policy: AccessPolicy) -> None:
    parsed = urlsplit(text if "//" in text else f"//{text}")
    try:
        port = parsed.port
    except ValueError:
        raise AccessDenied(f"the port in {text!r} is not a number") from None
    policy.check_host(parsed.hostname or "", port)


def _check(access: str, text: str, policy: AccessPolicy) -> None:
    if access == PATH:
        policy.check_path(text)
    elif access == JDBC_URL:
        check_jdbc_url(text, policy)
    elif access == HOST:
        _check_host_value(text, policy)
    elif access == HIVE_DATABASE:
        policy.check_database(text)


def access_refusals(
    cls: type[Stop], values: Mapping[str, Any], policy: AccessPolicy
) -> Iterator[tuple[str, str]]:
    """``(property, why)`` for every value of a ``cls`` stop that ``policy`` refuses."""
    if cls.runs_user_code:
        try:
            policy.check_code(cls.display_name())
        except AccessDenied as exc:
            yield "bundle", str(exc)
    for prop in cls.properties():
        if not prop.access:
            continue
        for text in _texts(values.get(prop.name)):
            try:
                _check(prop.access, text, policy)
            except AccessDenied as exc:
                yield prop.name, str(exc)
