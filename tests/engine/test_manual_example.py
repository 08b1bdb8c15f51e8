"""The manual's startFlow example, with local files and an existing Hive table, from the command line."""

import io
import json
from pathlib import Path

import pytest

from piflow.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def write_flow(tmp_path, name, out_dir):
    flow = json.loads((EXAMPLES / name).read_text())
    flow["flow"].setdefault("environmentVariable", {}).update(
        {"${DATA}": str(EXAMPLES / "data"), "${OUT}": str(out_dir)}
    )
    target = tmp_path / name
    target.write_text(json.dumps(flow))
    return target


@pytest.mark.slow
def test_the_manuals_example_leaves_rows_in_hive_json_and_csv(spark, tmp_path):
    # given: the Hive table the example writes to exists
    out = tmp_path / "out"
    assert main(["run", str(write_flow(tmp_path, "manual_example_setup.json", out))], io.StringIO()) == 0
    printed = io.StringIO()

    # when
    code = main(["run", str(write_flow(tmp_path, "manual_example.json", out))], printed)

    # then
    assert code == 0, printed.getvalue()
    expected = {
        ("Scalable Pipelines for Scientific Data.", "Zhang San", "1-180"),
        ("Graph Processing on Commodity Clusters.", "Wang Wu", "1-214"),
        ("Data Lakes in Practice.", "Zhao Liu", "1-98"),
        ("Stream Joins Revisited.", "Sun Qi", "1-150"),
    }
    hive = spark.sql("SELECT title, author, pages FROM sparktest.dblp_phdthesis").collect()
    assert {tuple(r) for r in hive} == expected
    as_json = spark.read.json(str(out / "phdthesis.json")).select("title", "author", "pages").collect()
    assert {tuple(str(v) for v in r) for r in as_json} == expected
    as_csv = spark.read.option("header", True).csv(str(out / "phdthesis_result.csv")).collect()
    assert {tuple(r) for r in as_csv} == expected
    for stop in ("XmlParser", "SelectField", "Merge", "Fork", "PutHiveStreaming", "JsonSave", "CsvSave"):
        assert f"{stop:<24} COMPLETED" in printed.getvalue()
    assert "rows on out1: 4" in printed.getvalue()


def test_a_broken_flow_gets_every_validation_error_at_once(capsys):
    # when
    code = main(["validate", str(EXAMPLES / "broken_flow.json")])

    # then
    printed = capsys.readouterr().out
    assert code == 2
    assert printed.startswith("7 problem(s):")
    for fragment in (
        "stop 'Read', property 'csvPath': is required",
        "stop 'Read', property 'header': 'maybe' is not true or false",
        "stop 'Read': duplicate stop name",
        "stop 'Join', property 'joinMode': 'sideways' is not one of",
        "stop 'Mystery', property 'bundle': unknown bundle 'cn.piflow.bundle.nowhere.Nothing'",
        "paths[1]: names unknown stop 'Ghost'",
        "stop 'Join': needs input on 'Left' and 'Right'; 'Right' not connected",
    ):
        assert fragment in printed, printed


def test_run_refuses_an_invalid_flow_without_starting_spark(capsys):
    assert main(["run", str(EXAMPLES / "broken_flow.json")]) == 2
    assert "unknown bundle" in capsys.readouterr().err
