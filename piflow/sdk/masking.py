"""The one mask that stands for a secret wherever one would show: API answers, logs, error messages.

Masking text replaces *whole values* only. An occurrence of a secret is a whole value when the
character before it and the character after it are not word characters (letters, digits, ``_``;
Python's ``\\w``) or are the text's ends. So the one-letter password ``a`` is masked in
``password=a;`` or ``'a'`` but not inside ``database``, and ``pw`` is not masked in ``pwd``.
A secret's URL-encoded forms count as the secret.

Passwords written into a URL (``//user:pass@host``, ``?password=...``, ``;password=...``,
Oracle's ``thin:user/pass@``) are found by their place in the URL, whatever their value:
``mask_url_passwords`` masks them and ``restore_url_passwords`` puts stored ones back where a
client sent the mask.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

MASK = "******"


def _secret_forms(secrets: Iterable[str | None]) -> list[str]:
    """Each secret with its URL-encoded forms, longest first (a secret holding another masks whole)."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms.update((secret, quote(secret, safe=""), quote_plus(secret, safe="")))
    return sorted(forms, key=len, reverse=True)


def whole_value(secret: str) -> re.Pattern[str]:
    """The pattern of ``secret`` as a whole value: not glued to a word character on either side."""
    return re.compile(r"(?<!\w)" + re.escape(secret) + r"(?!\w)")


def mask_secrets(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every whole-value occurrence of each secret replaced by ``MASK``.

    Longest secrets first, so a secret that contains another is masked whole rather than in
    pieces. See the module docstring for what a whole value is.
    """
    for secret in _secret_forms(secrets):
        text = whole_value(secret).sub(MASK, text)
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


# -- passwords inside URLs ------------------------------------------------------------------------

_URL_LIKE = re.compile(r"^\s*(?:jdbc:|[A-Za-z][A-Za-z0-9+.-]*://)", re.IGNORECASE)
#: ``name=`` of a parameter whose value is a secret: any name ending in password/passwd/pwd
#: (``password``, ``sslpassword``, ``trustStorePassword``, MySQL's ``password2``), secret or token.
_SECRET_PARAMETER = re.compile(
    r"(?<![\w.-])([\w.-]*(?:password|passwd|pwd|secret|token)\d*)\s*=\s*", re.IGNORECASE
)
_AUTHORITY_WITH_USER = re.compile(r"//([^/?#\s]*)@")
_ORACLE_USER = re.compile(r"\bthin:[^/@\s:]*/([^@\s]*)@", re.IGNORECASE)
_CLOSING = {"{": "}", "'": "'", '"': '"'}


@dataclass(frozen=True)
class UrlSecret:
    """Where a password sits in a URL: ``key`` says which one (for pairing a masked URL with a stored one)."""

    key: str
    start: int
    end: int


def looks_like_url(text: str) -> bool:
    """Whether ``text`` is a URL (``jdbc:...`` or ``scheme://...``), whose passwords are masked by place."""
    return bool(_URL_LIKE.match(text))


def _value_end(text: str, name_start: int, start: int) -> int:
    """The end of a parameter value starting at ``start``: braced or quoted whole, else up to a separator.

    Inside parentheses a value ends at ``)``, and at ``,`` too in a comma-separated list
    (MySQL's ``(host=h,password=p)``); MySQL's ``address=(password=p,q)`` keeps its comma.
    """
    if start < len(text) and text[start] in _CLOSING:
        close = text.find(_CLOSING[text[start]], start + 1)
        return len(text) if close < 0 else close + 1
    separators = "&;"
    if text.count("(", 0, start) > text.count(")", 0, start):
        separators += ")" if text[:name_start].rstrip().endswith("(") else "),"
    end = start
    while end < len(text) and text[end] not in separators and not text[end].isspace():
        end += 1
    return end


def _userinfo_secrets(text: str) -> Iterable[UrlSecret]:
    for match in _AUTHORITY_WITH_USER.finditer(text):
        authority = match.group(1)
        # MySQL gives each host its own user: ``//u1:p1@h1,u2:p2@h2``; otherwise the userinfo is
        # one piece, commas and all (``//u:pa,ss@h``)
        several = "," in authority and "@" in authority
        items = authority.split(",") if several else [authority]
        position = match.start(1)
        for index, item in enumerate(items):
            if index == len(items) - 1:
                userinfo = item
            elif "@" in item:
                userinfo = item.rsplit("@", 1)[0]
            else:
                userinfo = ""
            user, colon, password = userinfo.partition(":")
            if colon and password:
                start = position + len(user) + 1
                yield UrlSecret(f"userinfo:{index}", start, start + len(password))
            position += len(item) + 1


def url_secret_spans(text: str) -> list[UrlSecret]:
    """Every password written into ``text`` as a URL would carry it, in order, without overlaps."""
    found: list[UrlSecret] = []
    counts: dict[str, int] = {}
    for match in _SECRET_PARAMETER.finditer(text):
        name = match.group(1).lower()
        counts[name] = counts.get(name, 0) + 1
        end = _value_end(text, match.start(), match.end())
        if end > match.end():
            found.append(UrlSecret(f"param:{name}:{counts[name]}", match.end(), end))
    found.extend(_userinfo_secrets(text))
    found.extend(UrlSecret("oracle", m.start(1), m.end(1)) for m in _ORACLE_USER.finditer(text) if m.group(1))
    spans: list[UrlSecret] = []
    for span in sorted(found, key=lambda s: (s.start, -s.end)):
        if span.end > span.start and not (spans and span.start < spans[-1].end):
            spans.append(span)
    return spans


def url_passwords(text: str) -> list[str]:
    """The passwords written into ``text`` (see ``url_secret_spans``), masked ones left out."""
    return [text[s.start : s.end] for s in url_secret_spans(text) if text[s.start : s.end] != MASK]


def mask_url_passwords(text: str) -> str:
    """``text`` with every password written into it as a URL would carry it replaced by ``MASK``."""
    for span in reversed(url_secret_spans(text)):
        text = text[: span.start] + MASK + text[span.end :]
    return text


def restore_url_passwords(incoming: str, stored: str) -> str:
    """``incoming`` with each password sent as ``MASK`` replaced by the stored URL's password in that place.

    A client that changed a URL's host but left its masked password keeps the stored password.
    """
    previous = {span.key: stored[span.start : span.end] for span in url_secret_spans(stored)}
    for span in reversed(url_secret_spans(incoming)):
        if incoming[span.start : span.end] == MASK and span.key in previous:
            incoming = incoming[: span.start] + previous[span.key] + incoming[span.end :]
    return incoming
