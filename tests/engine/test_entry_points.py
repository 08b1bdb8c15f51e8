"""Third-party stop packages register through the ``piflow.stops`` entry-point group."""

import textwrap

import pytest

from piflow.registry import DuplicateStopError, build_registry

STOP_MODULE = '''
from piflow import Stop


class Upper(Stop):
    """Upper-case every string column."""

    bundle = "acme.stops.Upper"
    groups = ("Acme",)

    def perform(self, inputs, outputs, ctx):
        outputs.write(inputs.read())
'''


def install_fake_package(root, name, module_source, entry):
    (root / f"{name}.py").write_text(textwrap.dedent(module_source))
    dist = root / f"{name}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[piflow.stops]\n{entry}\n")


def test_an_installed_package_adds_its_stops(tmp_path, monkeypatch):
    # given
    install_fake_package(tmp_path, "acme_stops", STOP_MODULE, "acme = acme_stops")
    monkeypatch.syspath_prepend(str(tmp_path))

    # when
    registry = build_registry()

    # then
    assert registry.get("acme.stops.Upper").__name__ == "Upper"
    assert "Acme" in registry.groups()


def test_a_package_claiming_a_builtin_bundle_fails_loudly(tmp_path, monkeypatch):
    clash = STOP_MODULE.replace("acme.stops.Upper", "piflow.stops.common.Filter")
    install_fake_package(tmp_path, "clash_stops", clash, "clash = clash_stops:Upper")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(DuplicateStopError, match="clash_stops"):
        build_registry()
