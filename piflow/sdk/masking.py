"""The one mask that stands for a secret wherever one would show: API answers, logs, error messages."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

MASK = "******"


def mask_secrets(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every occurrence of each secret replaced by ``MASK``, longest secrets first.

    Longest first, so a secret that contains another is masked whole rather than in pieces.
    """
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def mask_values(values: Mapping[str, str], hidden: Collection[str]) -> dict[str, str]:
    """``values`` with the non-empty value of every name in ``hidden`` replaced by ``MASK``."""
    return {name: (MASK if name in hidden and value else value) for name, value in values.items()}


def restore_values(
    incoming: Mapping[str, str], stored: Mapping[str, str], hidden: Collection[str]
) -> dict[str, str]:
    """``incoming`` with each hidden value that came back as ``MASK`` replaced by the stored one.

    A client that showed a masked secret and sent it back unchanged keeps the secret without
    ever knowing it; a new value replaces it.
    """
    return {
        name: (stored.get(name, "") if name in hidden and value == MASK else value)
        for name, value in incoming.items()
    }
