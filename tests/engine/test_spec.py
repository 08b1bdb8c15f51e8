"""FlowSpec reads and writes PiFlow's flow JSON exactly."""

import json

import pytest

from piflow import FlowSpec, GroupSpec, RunRequest, SpecError, parse_piflow, to_piflow

MANUAL_FLOW = {
    "flow": {
        "name": "test",
        "uuid": "1234",
        "stops": [
            {
                "uuid": "1111",
                "name": "XmlParser",
                "bundle": "cn.PiFlow .bundle.xml.XmlParser",
                "properties": {"xmlpath": "/data/dblp.mini.xml", "rowTag": "phdthesis"},
            },
            {
                "uuid": "666",
                "name": "Fork",
                "bundle": "cn.PiFlow .bundle.common.Fork",
                "properties": {"outports": ["out1", "out2", "out3"]},
            },
        ],
        "paths": [{"from": "XmlParser", "outport": "", "inport": "", "to": "Fork"}],
    }
}


def test_reads_the_manuals_flow_json():
    # when
    spec = FlowSpec.from_dict(MANUAL_FLOW)

    # then
    assert spec.name == "test" and spec.uuid == "1234"
    assert [s.name for s in spec.stops] == ["XmlParser", "Fork"]
    assert spec.stop("Fork").properties["outports"] == "out1,out2,out3"
    assert spec.paths[0].from_stop == "XmlParser" and spec.paths[0].outport == ""
    assert (spec.driver_memory, spec.executor_number, spec.executor_memory, spec.executor_cores) == (
        "1g",
        "1",
        "1g",
        "1",
    )
    assert parse_piflow(MANUAL_FLOW)[1] == RunRequest(mode="RUN")


def test_round_trips_through_json():
    # given
    data = {
        "flow": {
            "name": "f",
            "uuid": "u",
            "driverMemory": "2g",
            "executorNumber": "3",
            "executorMemory": "4g",
            "executorCores": "2",
            "runMode": "DEBUG",
            "checkpoint": "A,B",
            "checkpointParentProcessId": "run_1",
            "environmentVariable": {"${HDFS}": "/tmp"},
            "stops": [
                {
                    "uuid": "1",
                    "name": "A",
                    "bundle": "b",
                    "properties": {"p": "1"},
                    "customizedProperties": {},
                }
            ],
            "paths": [{"from": "A", "outport": "x", "inport": "", "to": "B"}],
        }
    }

    # when
    spec, request = parse_piflow(json.loads(json.dumps(to_piflow(*parse_piflow(data)))))

    # then
    assert to_piflow(spec, request) == data
    assert request == RunRequest(mode="DEBUG", resume_from="run_1", load=("A", "B"))


def test_checkpoint_means_stops_to_write_unless_the_run_resumes():
    fresh = RunRequest.from_piflow({"flow": {"name": "f", "checkpoint": "A, B"}})
    resumed = RunRequest.from_piflow(
        {"flow": {"name": "f", "checkpoint": "A", "checkpointParentProcessId": "r"}}
    )
    assert fresh == RunRequest(checkpoints=("A", "B"))
    assert resumed == RunRequest(resume_from="r", load=("A",))
    assert RunRequest.from_piflow({"runMode": "debug", "flow": {"name": "f"}}).debug
    with pytest.raises(SpecError, match="runMode must be RUN or DEBUG"):
        RunRequest.from_piflow({"flow": {"name": "f", "runMode": "FAST"}})


def test_environment_variables_fill_properties():
    spec = FlowSpec.from_dict(
        {
            "flow": {
                "name": "f",
                "environmentVariable": {"${HDFS}": "/data", "OUT": "/o"},
                "stops": [
                    {
                        "name": "A",
                        "bundle": "b",
                        "properties": {"p": "${HDFS}/a.csv", "q": "${OUT}/x ${NOPE}"},
                    }
                ],
            }
        }
    )
    resolved = spec.with_environment().stop("A").properties
    assert resolved == {"p": "/data/a.csv", "q": "/o/x ${NOPE}"}


def test_default_port_spellings_are_the_empty_port():
    spec = FlowSpec.from_dict(
        {
            "flow": {
                "name": "f",
                "paths": [{"from": "A", "outport": "default", "inport": "Default", "to": "B"}],
            }
        }
    )
    assert (spec.paths[0].outport, spec.paths[0].inport) == ("", "")


@pytest.mark.parametrize(
    "bad, fragment",
    [
        ({"flow": []}, "'flow' must be a JSON object"),
        ({"flow": {"stops": {}}}, "stops must be a JSON list"),
        ({"flow": {"stops": [{"bundle": "x"}]}}, "stops[0] has no name"),
        ({"flow": {"paths": [{"to": "B"}]}}, "paths[0] has no 'from' stop"),
        ({"flow": {"runMode": "FAST"}}, "runMode must be RUN or DEBUG"),
    ],
)
def test_malformed_flows_say_what_is_wrong(bad, fragment):
    with pytest.raises(SpecError) as error:
        parse_piflow(bad)
    assert fragment in str(error.value)


def test_not_json_at_all():
    with pytest.raises(SpecError, match="not valid JSON"):
        FlowSpec.from_json("{nope")


def test_group_json_with_nested_groups_and_conditions():
    group = GroupSpec.from_dict(
        {
            "group": {
                "name": "G",
                "flows": [{"flow": {"name": "f4"}}, {"flow": {"name": "f3"}}],
                "groups": [{"group": {"name": "g1", "flows": [{"flow": {"name": "inner"}}]}}],
                "conditions": [{"entry": "f4", "after": "g1"}, {"entry": "f3", "after": "g1,f4"}],
            }
        }
    )
    assert [f.name for f in group.flows] == ["f4", "f3"]
    assert group.groups[0].flows[0].name == "inner"
    assert group.conditions[1].after == ("g1", "f4")
    assert json.loads(json.dumps(group.to_dict()))["group"]["conditions"][1] == {
        "entry": "f3",
        "after": "g1,f4",
    }
