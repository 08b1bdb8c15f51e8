"""What changed, by name only: the ``details`` of a "changed" event never carry a value.

A value may be a password, a token or a connection string, so these helpers compare values and
report only the names of what differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def changed_keys(
    before: Mapping[str, Any], after: Mapping[str, Any], keys: Iterable[str] | None = None
) -> list[str]:
    """The keys (of ``keys``, default all of both) whose value differs, sorted; an added or removed key differs."""
    names = set(before) | set(after) if keys is None else set(keys)
    missing = object()
    return sorted(name for name in names if before.get(name, missing) != after.get(name, missing))


def changed_items(
    before: Iterable[Mapping[str, Any]],
    after: Iterable[Mapping[str, Any]],
    *,
    key: str = "name",
    nested: str = "properties",
) -> dict[str, Any]:
    """How two lists of named objects (a flow's stops) differ: which were added, removed, and changed.

    A changed object lists the names of its keys that differ, and of ``nested``'s keys as
    ``nested.name`` (``["bundle", "properties.password"]``). Parts with nothing in them are left out.
    """
    old = {str(item.get(key, "")): item for item in before}
    new = {str(item.get(key, "")): item for item in after}
    changed = {}
    for name in sorted(set(old) & set(new)):
        differ = changed_keys(old[name], new[name], (set(old[name]) | set(new[name])) - {nested})
        inner_old, inner_new = old[name].get(nested), new[name].get(nested)
        if isinstance(inner_old, Mapping) and isinstance(inner_new, Mapping):
            differ += [f"{nested}.{inner}" for inner in changed_keys(inner_old, inner_new)]
        elif inner_old != inner_new:
            differ.append(nested)
        if differ:
            changed[name] = differ
    result: dict[str, Any] = {
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "changed": changed,
    }
    return {part: names for part, names in result.items() if names}
