"""Stop texts in English and Simplified Chinese: the engine's catalogue is complete, the APIs answer
in the request's language, and an operator's edit in the admin wins over the built-in texts.
Group rows are written at ``migrate``, never by a request."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import piflow
from piflow import catalogue, translations
from piflow.sdk.properties import StringProperty
from stops.apps import sync_after_migrate
from stops.models import StopGroup
from stops.services import builtin_texts, sync_stop_groups

REPO = Path(__file__).resolve().parents[2]
REGISTRY = piflow.default_registry()
BUILTIN = [stop for stop in REGISTRY.stops() if stop.__module__.startswith("piflow.stops.")]
BUILTIN_GROUPS = list(dict.fromkeys(group for stop in BUILTIN for group in stop.groups))
CJK = re.compile(r"[\u4e00-\u9fff]")
FILTER = "piflow.stops.common.Filter"
ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


# -- the engine's catalogue ----------------------------------------------------------------------


@pytest.mark.parametrize("stop", BUILTIN, ids=lambda s: s.bundle)
def test_every_builtin_stop_is_translated_to_chinese(stop):
    # when
    gaps = catalogue.translation_gaps([stop], "zh-hans")
    entry = catalogue.stop_translation(stop.bundle, "zh-hans")

    # then
    package = stop.__module__.split(".")[2]
    assert gaps == [], f"add them to piflow/stops/{package}/locale/zh_hans.json: {gaps}"
    assert CJK.search(entry["description"]), f"{stop.bundle}: the summary is not Chinese"
    for name, text in entry.get("properties", {}).items():
        assert CJK.search(text["description"]), f"{stop.bundle}.{name}: the description is not Chinese"


@pytest.mark.parametrize("group", BUILTIN_GROUPS)
def test_every_group_has_a_label_and_description_in_both_languages(group):
    for language in catalogue.LANGUAGES:
        entry = catalogue.group_translation(group, language)
        assert entry.get("label", "").strip(), f"group {group} has no {language} label"
        assert entry.get("description", "").strip(), f"group {group} has no {language} description"
    assert CJK.search(catalogue.group_translation(group, "zh-hans")["description"])


@pytest.mark.parametrize("locale_dir", translations.builtin_locale_dirs(), ids=lambda d: d.parent.name)
def test_each_group_packages_catalogue_names_only_its_own_stops_and_groups(locale_dir):
    # given: the stops whose code is in the package beside this locale/ directory
    own = [stop for stop in BUILTIN if stop.__module__.startswith(f"piflow.stops.{locale_dir.parent.name}.")]

    for language in catalogue.LANGUAGES:
        # when
        data = json.loads(translations.catalogue_file(locale_dir, language).read_text(encoding="utf-8"))

        # then
        assert data["language"] == language
        assert set(data.get("stops", {})) - {stop.bundle for stop in own} == set()
        assert set(data["groups"]) - {group for stop in own for group in stop.groups} == set()


def test_the_central_catalogue_is_gone():
    assert not (REPO / "piflow" / "stops" / "locale").exists()
    assert {d.parent.name for d in translations.builtin_locale_dirs()} >= {
        "common",
        "csv",
        "hive",
        "jdbc",
        "json",
        "orc",
        "parquet",
        "xml",
    }


HUB_PACKAGE = "hubsample_stops"  # a name no other test imports
HUB_STOP = '''
from piflow import Stop


class Shout(Stop):
    """Upper-case every string column."""

    bundle = "hubsample.stops.Shout"
    groups = ("HubSample",)
'''


@pytest.fixture
def hub_package(tmp_path, monkeypatch):
    """A third-party stop package installed in ``tmp_path``, with its own ``locale/zh_hans.json``."""
    package = tmp_path / HUB_PACKAGE
    (package / "locale").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "shout.py").write_text(textwrap.dedent(HUB_STOP))
    (package / "locale" / "zh_hans.json").write_text(
        json.dumps(
            {
                "language": "zh-hans",
                "groups": {"HubSample": {"label": "样例"}, "Common": {"label": "不该赢"}},
                "stops": {"hubsample.stops.Shout": {"description": "把字符串列转成大写。"}},
            }
        ),
        encoding="utf-8",
    )
    dist = tmp_path / f"{HUB_PACKAGE}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {HUB_PACKAGE}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[piflow.stops]\nhubsample = {HUB_PACKAGE}.shout\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    translations.load_catalogue.cache_clear()
    yield package
    translations.load_catalogue.cache_clear()
    for name in [m for m in sys.modules if m == HUB_PACKAGE or m.startswith(f"{HUB_PACKAGE}.")]:
        del sys.modules[name]


def test_a_third_party_package_ships_its_catalogue_beside_its_stops(hub_package):
    # when
    shout = piflow.registry.build_registry().get("hubsample.stops.Shout")
    described = catalogue.localized_descriptor(shout, "zh-hans")

    # then
    assert hub_package / "locale" in translations.third_party_locale_dirs()
    assert described["description"] == "把字符串列转成大写。"
    assert described["groupLabels"] == ["样例"]
    assert catalogue.group_label("Common", "zh-hans") == "通用"  # the built-in catalogue wins


def test_a_translation_gap_is_reported():
    # given: a new stop nobody translated yet
    class NewStop(piflow.Stop):
        """Something new."""

        bundle = "piflow.stops.common.BrandNew"
        groups = ("Common", "Shiny")
        column = StringProperty("Column", description="A column.")

    # when
    gaps = catalogue.translation_gaps([NewStop], "zh-hans")

    # then
    assert gaps == [
        "piflow.stops.common.BrandNew: no summary",
        "piflow.stops.common.BrandNew: property column has no label",
        "piflow.stops.common.BrandNew: property column has no description",
        "group Shiny: no label",
    ]
    with pytest.raises(ValueError):
        catalogue.translation_gaps([NewStop], "fr")


def test_localized_descriptor_translates_texts_but_keeps_ids():
    # given
    stop = REGISTRY.get("piflow.stops.jdbc.JdbcRead")

    # when
    english = catalogue.localized_descriptor(stop, "en")
    chinese = catalogue.localized_descriptor(stop, "zh-Hans")

    # then
    assert english == {**stop.descriptor(), "groupLabels": ["JDBC"]}
    assert chinese["groups"] == ["Jdbc"] and chinese["groupLabels"] == ["JDBC"]
    assert chinese["description"] == "从任何有 JDBC 驱动的数据库读取查询结果或整张表。"
    password = next(p for p in chinese["properties"] if p["name"] == "password")
    assert password["label"] == "密码" and CJK.search(password["description"])
    assert [p["name"] for p in chinese["properties"]] == [p["name"] for p in english["properties"]]
    assert chinese["details"] == english["details"]
    assert chinese["bundle"] == english["bundle"] and chinese["name"] == english["name"]


def test_a_stop_without_translations_stays_english():
    # given
    class ThirdParty(piflow.Stop):
        """Upper-case every string column."""

        bundle = "acme.stops.Upper"
        groups = ("Acme",)

    # when
    described = catalogue.localized_descriptor(ThirdParty, "zh-hans")

    # then
    assert described["description"] == "Upper-case every string column."
    assert described["groupLabels"] == ["Acme"]
    assert catalogue.localized_descriptor(ThirdParty, "zh-hans", group_labels={"Acme": "顶点"})[
        "groupLabels"
    ] == ["顶点"]


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("zh-hans", "zh-hans"),
        ("zh_Hans", "zh-hans"),
        ("zh-CN", "zh-hans"),
        ("zh", "zh-hans"),
        ("en-GB", "en"),
        ("fr", "en"),
        (None, "en"),
    ],
)
def test_language_codes_are_normalized(asked, expected):
    assert catalogue.normalize_language(asked) == expected


def test_the_engine_stays_free_of_django():
    # when: a fresh interpreter imports the catalogue and describes a stop in Chinese
    code = (
        "import sys, piflow; from piflow import catalogue;"
        "catalogue.localized_descriptor(piflow.default_registry().get('piflow.stops.common.Filter'), 'zh-hans');"
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, check=True
    )

    # then
    assert out.stdout.strip() == "False"


# -- /api/stops/ ---------------------------------------------------------------------------------


def test_stop_list_in_chinese(api_client):
    # when
    response = api_client.get("/api/stops/", **ZH)

    # then
    assert response.status_code == 200
    assert response["Content-Language"] == "zh-hans"
    described = {d["bundle"]: d for d in response.json()}
    assert set(described) == {stop.bundle for stop in REGISTRY.stops()}
    filter_ = described[FILTER]
    assert filter_["description"] == "只保留满足 Spark SQL 条件的行。"
    assert filter_["groups"] == ["Common"] and filter_["groupLabels"] == ["通用"]
    assert filter_["properties"][0]["name"] == "condition" and filter_["properties"][0]["label"] == "条件"
    assert all(CJK.search(d["description"]) for b, d in described.items() if b.startswith("piflow.stops."))


def test_stop_list_in_english_by_default(api_client):
    # when
    response = api_client.get("/api/stops/")

    # then
    assert response.status_code == 200
    filter_ = next(d for d in response.json() if d["bundle"] == FILTER)
    assert filter_ == {**REGISTRY.get(FILTER).descriptor(), "groupLabels": ["Common"]}
    json_parser = next(d for d in response.json() if d["bundle"] == "piflow.stops.json.JsonParser")
    assert json_parser["groups"] == ["Json"] and json_parser["groupLabels"] == ["JSON"]


def test_the_language_cookie_chooses_chinese(api_client):
    # given
    api_client.cookies["django_language"] = "zh-hans"

    # when
    response = api_client.get(f"/api/stops/{FILTER}/", HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 200
    assert response.json()["description"] == "只保留满足 Spark SQL 条件的行。"
    assert response.json()["groupLabels"] == ["通用"]


def test_stop_detail_in_chinese_and_english(api_client):
    # when
    chinese = api_client.get("/api/stops/cn.piflow.bundle.csv.CsvParser/", **ZH).json()
    english = api_client.get("/api/stops/cn.piflow.bundle.csv.CsvParser/").json()

    # then
    assert chinese["description"] == "把 CSV 文件读取为 DataFrame。"
    assert english["description"] == "Read CSV files into a DataFrame."
    assert [p["label"] for p in chinese["properties"]] == ["路径", "表头", "分隔符", "列定义"]
    assert [p["label"] for p in english["properties"]] == ["Path", "Header", "Delimiter", "Schema"]


def test_search_finds_stops_by_their_chinese_description(api_client):
    # when
    chinese = api_client.get("/api/stops/", {"search": "满足 Spark SQL 条件"}, **ZH)
    english = api_client.get("/api/stops/", {"search": "spark sql condition"}, **ZH)

    # then
    assert [d["bundle"] for d in chinese.json()] == [FILTER]
    assert FILTER in [d["bundle"] for d in english.json()]


def test_piflow_shapes_stay_english(api_client):
    # when
    groups = api_client.get("/stop/groups", **ZH)
    info = api_client.get("/stop/info", {"bundle": FILTER}, **ZH)

    # then
    assert groups.json() == catalogue.stop_groups(REGISTRY)
    assert info.json() == catalogue.stop_info(REGISTRY.get(FILTER))
    assert info.json()["description"] == "Keep only the rows that match a Spark SQL condition."


# -- /api/stops/groups/ and the StopGroup model ---------------------------------------------------


def test_group_list_in_english(api_client):
    # when
    response = api_client.get("/api/stops/groups/")

    # then
    assert response.status_code == 200
    assert [g["name"] for g in response.json()] == REGISTRY.groups()
    common = response.json()[0]
    assert common == {
        "name": "Common",
        "label": "Common",
        "description": catalogue.group_description("Common", "en"),
        "count": len(REGISTRY.by_group()["Common"]),
    }
    assert {g["name"]: g["label"] for g in response.json()}["Jdbc"] == "JDBC"


def test_group_list_in_chinese(api_client):
    # when
    response = api_client.get("/api/stops/groups/", **ZH)

    # then
    assert response.status_code == 200
    groups = {g["name"]: g for g in response.json()}
    assert list(groups) == REGISTRY.groups()
    assert groups["Common"]["label"] == "通用"
    assert CJK.search(groups["Common"]["description"])
    assert all(CJK.search(g["description"]) for name, g in groups.items() if name in BUILTIN_GROUPS)
    assert sum(g["count"] for g in groups.values()) == sum(len(s.groups) for s in REGISTRY.stops())


def test_group_list_refuses_anonymous_callers(anonymous_client):
    assert anonymous_client.get("/api/stops/groups/").status_code == 401


def test_the_migration_seeds_the_builtin_groups(db):
    # then: the test database was migrated; the rows are there with both languages
    rows = {row.name: row for row in StopGroup.objects.all()}
    assert set(BUILTIN_GROUPS) <= set(rows)
    assert rows["Common"].label_en == "Common" and rows["Common"].label_zh_hans == "通用"
    assert rows["Jdbc"].description_zh_hans
    assert not any(row.customized for row in rows.values())


def test_sync_writes_nothing_when_nothing_changed(db, django_assert_num_queries):
    # given
    sync_stop_groups()

    # when
    with django_assert_num_queries(1):
        result = sync_stop_groups()

    # then
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == len(REGISTRY.groups())


def test_sync_adds_a_new_group_and_restores_rows_nobody_edited(db):
    # given: a third-party group, a drifted built-in row and an operator's edit
    registry = piflow.StopRegistry(REGISTRY.stops())

    class Upper(piflow.Stop):
        """Upper-case every string column."""

        bundle = "acme.stops.Upper"
        groups = ("Acme",)

    registry.register(Upper)
    StopGroup.objects.filter(name="Common").update(label_zh_hans="旧的")
    StopGroup.objects.filter(name="CSV").update(label_zh_hans="逗号分隔", customized=True)

    # when
    result = sync_stop_groups(registry)

    # then
    assert (result.created, result.updated) == (1, 1)
    acme = StopGroup.objects.get(name="Acme")
    assert (acme.label_en, acme.label_zh_hans, acme.description_en) == ("Acme", None, "")
    assert StopGroup.objects.get(name="Common").label_zh_hans == "通用"
    assert StopGroup.objects.get(name="CSV").label_zh_hans == "逗号分隔"


def test_migrate_creates_a_row_for_every_registered_group(db):
    # given
    StopGroup.objects.all().delete()

    # when: post_migrate runs even when no migration is left to apply
    call_command("migrate", verbosity=0)

    # then
    rows = {row.name: row for row in StopGroup.objects.all()}
    assert set(rows) == set(REGISTRY.groups())
    for name, row in rows.items():
        assert {field: getattr(row, field) for field in builtin_texts(name)} == builtin_texts(name)


def test_the_post_migrate_hook_waits_for_the_table(db, monkeypatch):
    # given: a database where the stops app is not migrated (yet, or any more)
    StopGroup.objects.all().delete()
    monkeypatch.setattr(connection.introspection, "table_names", lambda *args, **kwargs: [])

    # when
    sync_after_migrate(apps.get_app_config("stops"), using="default", verbosity=0)

    # then
    assert not StopGroup.objects.exists()


def test_listing_groups_writes_nothing(api_client):
    # given: a group whose row is missing (its package was installed after the last migrate)
    StopGroup.objects.filter(name="Xml").delete()
    before = StopGroup.objects.count()

    # when
    with CaptureQueriesContext(connection) as queries:
        chinese = api_client.get("/api/stops/groups/", **ZH)
        english = api_client.get("/api/stops/groups/")

    # then: only reads, and the group without a row shows the engine's texts
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert StopGroup.objects.count() == before and not StopGroup.objects.filter(name="Xml").exists()
    assert {g["name"]: g for g in chinese.json()}["Xml"] == {
        "name": "Xml",
        "label": "XML",
        "description": "读写 XML 文件和 XML 文本。",
        "count": len(REGISTRY.by_group()["Xml"]),
    }
    assert {g["name"]: g["label"] for g in english.json()}["Xml"] == "XML"


def test_the_management_command_syncs(db, capsys):
    # given
    StopGroup.objects.filter(name="Xml").delete()

    # when
    call_command("sync_stop_groups")

    # then
    assert StopGroup.objects.filter(name="Xml").exists()
    assert "1 created" in capsys.readouterr().out


# -- the admin ------------------------------------------------------------------------------------


@pytest.fixture
def operator(db, django_user_model):
    return django_user_model.objects.create_superuser(username="operator", password="not-a-real-password")


def _change_form(group: StopGroup, **changes: str) -> dict[str, str]:
    form = {
        "label_en": group.label_en or "",
        "label_zh_hans": group.label_zh_hans or "",
        "description_en": group.description_en or "",
        "description_zh_hans": group.description_zh_hans or "",
    }
    if group.customized:
        form["customized"] = "on"
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def test_an_admin_edited_label_is_what_the_api_returns(client, operator, api_client):
    # given
    client.force_login(operator)
    common = StopGroup.objects.get(name="Common")

    # when
    page = client.get(f"/admin/stops/stopgroup/{common.pk}/change/")
    saved = client.post(
        f"/admin/stops/stopgroup/{common.pk}/change/", _change_form(common, label_zh_hans="常用组件")
    )

    # then
    assert page.status_code == 200 and "label_zh_hans" in page.content.decode()
    assert saved.status_code == 302, saved.content.decode()[:2000]
    common.refresh_from_db()
    assert common.customized and common.label_zh_hans == "常用组件"
    groups = {g["name"]: g for g in api_client.get("/api/stops/groups/", **ZH).json()}
    assert groups["Common"]["label"] == "常用组件"
    filter_ = api_client.get(f"/api/stops/{FILTER}/", **ZH).json()
    assert filter_["groupLabels"] == ["常用组件"]
    listed = next(d for d in api_client.get("/api/stops/", **ZH).json() if d["bundle"] == FILTER)
    assert listed["groupLabels"] == ["常用组件"]
    assert api_client.get("/api/stops/groups/").json()[0]["label"] == "Common"  # English untouched


def test_unticking_customized_restores_the_builtin_texts(client, operator, api_client):
    # given
    client.force_login(operator)
    StopGroup.objects.filter(name="Common").update(label_zh_hans="常用组件", customized=True)
    common = StopGroup.objects.get(name="Common")

    # when
    form = _change_form(common)
    del form["customized"]
    saved = client.post(f"/admin/stops/stopgroup/{common.pk}/change/", form)

    # then
    assert saved.status_code == 302
    common.refresh_from_db()
    assert not common.customized and common.label_zh_hans == "通用"
    assert api_client.get("/api/stops/groups/", **ZH).json()[0]["label"] == "通用"


def test_the_admin_lists_groups_and_adds_none(client, operator):
    # given
    client.force_login(operator)

    # when
    listing = client.get("/admin/stops/stopgroup/")
    add = client.get("/admin/stops/stopgroup/add/")

    # then
    assert listing.status_code == 200 and "Parquet" in listing.content.decode()
    assert add.status_code == 403


def test_the_admin_listing_writes_nothing(client, operator):
    # given
    client.force_login(operator)
    StopGroup.objects.filter(name="Xml").delete()

    # when
    with CaptureQueriesContext(connection) as queries:
        listing = client.get("/admin/stops/stopgroup/")

    # then
    assert listing.status_code == 200
    tables = [q["sql"] for q in queries if '"stops_stopgroup"' in q["sql"]]
    assert tables and all(sql.lstrip().upper().startswith("SELECT") for sql in tables)
    assert not StopGroup.objects.filter(name="Xml").exists()


def test_the_admin_speaks_chinese(client, operator):
    # given
    client.force_login(operator)
    client.cookies["django_language"] = "zh-hans"
    common = StopGroup.objects.get(name="Common")

    # when
    listing = client.get("/admin/stops/stopgroup/")
    page = client.get(f"/admin/stops/stopgroup/{common.pk}/change/")

    # then
    assert "组件分组" in listing.content.decode()
    assert "显示名称" in page.content.decode() and "已由管理员修改" in page.content.decode()


# -- migrations ------------------------------------------------------------------------------------


def test_makemigrations_is_clean():
    # when
    out = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "DJANGO_DEBUG": "1"},
    )

    # then
    assert out.returncode == 0, out.stdout + out.stderr
