"""Every built-in stop is documented, labelled, translated, tested and uniquely named (Airflow's
structure test). Only built-in stops: an installed third-party stop package cannot break it."""

import importlib
import json
from pathlib import Path

import pytest

from piflow import default_registry, translations
from piflow.registry import DuplicateStopError, StopRegistry
from piflow.sdk import Stop

ROOT = Path(__file__).resolve().parents[2]
STOPS = [stop for stop in default_registry().stops() if stop.__module__.startswith("piflow.stops.")]


def test_at_least_forty_builtin_stops_are_registered():
    assert len(STOPS) >= 40, [s.bundle for s in STOPS]


@pytest.mark.parametrize("stop", STOPS, ids=lambda s: s.bundle)
def test_stop_has_docstring_labels_groups_and_a_test(stop):
    assert stop.summary(), f"{stop.bundle} has no docstring"
    assert stop.groups, f"{stop.bundle} belongs to no group"
    for prop in stop.properties():
        assert prop.label.strip(), f"{stop.bundle}.{prop.name} has no label"
        assert prop.description.strip(), f"{stop.bundle}.{prop.name} has no description"
    module = importlib.import_module(stop.__module__)
    package, _, name = module.__name__.removeprefix("piflow.stops.").rpartition(".")
    test_file = ROOT / "tests" / "stops" / package.replace(".", "/") / f"test_{name}.py"
    assert test_file.exists(), f"{stop.bundle} has no test file {test_file.relative_to(ROOT)}"
    assert stop.__name__ in test_file.read_text(), f"{test_file.name} never mentions {stop.__name__}"


@pytest.mark.parametrize("stop", STOPS, ids=lambda s: s.bundle)
def test_stop_is_translated_in_its_group_packages_locale(stop):
    # given: piflow/stops/<package>/locale/, beside the stop's code
    package = stop.__module__.split(".")[2]
    locale_dir = translations.BUILTIN_STOPS_DIR / package / "locale"

    def catalogue(language: str) -> dict:
        path = translations.catalogue_file(locale_dir, language)
        assert path.exists(), f"{stop.bundle}: no {path.relative_to(ROOT)}"
        return json.loads(path.read_text(encoding="utf-8"))

    english, chinese = catalogue("en"), catalogue("zh-hans")

    # then
    where = f"piflow/stops/{package}/locale/zh_hans.json"
    assert stop.bundle in chinese.get("stops", {}), f"{stop.bundle} has no entry in {where}"
    for group in stop.groups:
        assert english.get("groups", {}).get(group, {}).get("label"), f"group {group} has no label in en.json"
        assert chinese.get("groups", {}).get(group, {}).get("label"), f"group {group} has no label in {where}"


@pytest.mark.parametrize("stop", STOPS, ids=lambda s: s.bundle)
def test_descriptor_is_what_the_canvas_needs(stop):
    descriptor = stop.descriptor()
    assert descriptor["bundle"] == stop.bundle
    assert {"name", "groups", "description", "inports", "outports", "properties"} <= set(descriptor)
    for prop in descriptor["properties"]:
        assert {"name", "label", "required", "default", "choices", "sensitive", "language", "example"} <= set(
            prop
        )


def test_piflow_names_resolve_whatever_the_case_and_spaces():
    registry = default_registry()
    assert registry.get("cn.PiFlow .bundle.Common.Fork").bundle == "piflow.stops.common.Fork"
    assert registry.get("  cn.piflow.bundle.csv.CsvParser ").bundle == "piflow.stops.csv.CsvParser"


def test_duplicate_bundle_ids_fail_loudly():
    class One(Stop):
        """One."""

        bundle = "piflow.stops.x.Same"
        groups = ("X",)

    class Other(Stop):
        """Other."""

        bundle = "piflow.stops.x.same"
        groups = ("X",)

    registry = StopRegistry([One])
    with pytest.raises(DuplicateStopError, match="already registered"):
        registry.register(Other)
