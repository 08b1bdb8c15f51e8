"""Every string exists in English and Simplified Chinese: the web UI's JSON catalogues, the
server's gettext catalogues and the stop groups' catalogues. (The UI's Vitest suite checks the same
from the other side: that no component writes visible text outside ``t()``; this test runs without
Node. Each stop's own texts are checked in ``tests/engine/test_stop_structure.py`` and
``tests/web/test_stop_translations.py``.)
"""

from __future__ import annotations

import ast
import gettext
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UI_CATALOGUES = REPO / "frontend" / "src" / "i18n"
FEATURE_CATALOGUES = REPO / "frontend" / "src" / "features"
PLURAL = re.compile(r"_(zero|one|two|few|many|other)$")
PLACEHOLDER = re.compile(r"\{\{\s*(\w+)[^}]*\}\}")


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(_flatten(value, path))
        else:
            out[path] = value
    return out


def _ui(language: str) -> dict[str, str]:
    """The app's catalogue and every feature's own (``features/<name>/i18n/``), each under its own prefix."""
    catalogue = _flatten(json.loads((UI_CATALOGUES / f"{language}.json").read_text(encoding="utf-8")))
    for path in sorted(FEATURE_CATALOGUES.glob(f"*/i18n/{language}.json")):
        feature = path.parent.parent.name
        catalogue.update(_flatten(json.loads(path.read_text(encoding="utf-8")), f"features/{feature}:"))
    return catalogue


def _base(key: str) -> str:
    return PLURAL.sub("", key)


def test_the_ui_has_every_string_in_both_languages():
    # given
    english, chinese = _ui("en"), _ui("zh-hans")

    # then
    assert {_base(k) for k in english} - {_base(k) for k in chinese} == set(), "missing from zh-hans.json"
    assert {_base(k) for k in chinese} - {_base(k) for k in english} == set(), "missing from en.json"
    assert [k for k, v in {**english, **chinese}.items() if not str(v).strip()] == []


def test_the_ui_strings_use_the_same_placeholders_in_both_languages():
    # given
    english, chinese = _ui("en"), _ui("zh-hans")

    def names(catalogue: dict[str, str], base: str) -> set[str]:
        text = catalogue.get(base, catalogue.get(f"{base}_other", ""))
        return set(PLACEHOLDER.findall(text)) - {"count"}

    # then
    differ = {base for base in map(_base, english) if names(english, base) != names(chinese, base)}
    assert differ == set()


# -- gettext (Django's side) ---------------------------------------------------------------------


def _po_entries(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file (the header and obsolete entries left out)."""
    entries: dict[str, str] = {}
    msgid = msgstr = None
    field = None

    def flush() -> None:
        if msgid:  # the header has an empty msgid
            entries[msgid] = msgstr or ""

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if line.startswith("msgid "):
            flush()
            msgid, msgstr, field = ast.literal_eval(line[6:]), None, "id"
        elif line.startswith("msgid_plural "):
            field = None
        elif line.startswith("msgstr "):
            msgstr, field = ast.literal_eval(line[7:]), "str"
        elif line.startswith("msgstr["):  # plural forms: Chinese has one
            index, _, text = line[7:].partition("] ")
            if index == "0":
                msgstr, field = ast.literal_eval(text), "str"
            else:
                field = None
        elif line.startswith('"') and field == "id":
            msgid += ast.literal_eval(line)
        elif line.startswith('"') and field == "str":
            msgstr += ast.literal_eval(line)
    flush()
    return entries


PO_FILES = sorted(
    path for path in REPO.glob("*/locale/zh_Hans/LC_MESSAGES/django.po") if ".venv" not in path.parts
)


def test_the_server_has_chinese_catalogues():
    assert {path.parts[len(REPO.parts)] for path in PO_FILES} >= {"piflow_site", "frontend"}


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_server_string_is_translated_and_compiled(po: Path):
    # given
    entries = _po_entries(po)
    compiled = gettext.GNUTranslations(po.with_suffix(".mo").open("rb"))

    # then: no empty translation, and the .mo says what the .po says (compilemessages was run)
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []
    stale = [
        msgid
        for msgid, msgstr in entries.items()
        if compiled.gettext(msgid) != msgstr and msgid in compiled._catalog
    ]  # plurals are keyed apart
    missing = [
        msgid
        for msgid in entries
        if compiled.gettext(msgid) == msgid and compiled.ngettext(msgid, msgid, 1) == msgid
    ]
    assert missing == [], f"{po.with_suffix('.mo')} lacks them: run manage.py compilemessages"
    assert stale == [], f"{po.with_suffix('.mo')} is stale: run manage.py compilemessages"


# -- the stop groups' catalogues (piflow/stops/<group>/locale/) -----------------------------------

STOP_PACKAGES = sorted(
    path.parent
    for path in (REPO / "piflow" / "stops").glob("*/__init__.py")
    if not path.parent.name.startswith("_")
)


@pytest.mark.parametrize("package", STOP_PACKAGES, ids=lambda p: p.name)
def test_every_stop_group_package_has_both_catalogues_for_the_same_groups(package: Path):
    # given
    english, chinese = (package / "locale" / "en.json"), (package / "locale" / "zh_hans.json")

    # then
    assert english.exists() and chinese.exists(), (
        f"{package.name}: add locale/en.json and locale/zh_hans.json"
    )
    english_groups = json.loads(english.read_text(encoding="utf-8"))["groups"]
    chinese_groups = json.loads(chinese.read_text(encoding="utf-8"))["groups"]
    assert english_groups and set(english_groups) == set(chinese_groups)
    for group in (*english_groups.values(), *chinese_groups.values()):
        assert group.get("label", "").strip() and group.get("description", "").strip()
