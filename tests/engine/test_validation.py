"""Validation reports every problem at once, with the stop and property it concerns."""

from piflow import FlowSpec, RunRequest
from piflow.validation import compile_flow, validate_flow

from .stops_for_tests import registry


def flow(stops, paths=(), **extra):
    return FlowSpec.from_dict({"flow": {"name": "f", "stops": list(stops), "paths": list(paths), **extra}})


def stop(name, bundle, **props):
    return {"name": name, "bundle": bundle, "properties": props}


def path(a, b, outport="", inport=""):
    return {"from": a, "to": b, "outport": outport, "inport": inport}


def test_a_broken_flow_gets_every_problem_at_once():
    # given: one flow with many different mistakes
    spec = flow(
        [
            stop("N", "tests.Numbers", count="many"),
            stop("N", "tests.Double"),
            stop("X", "cn.piflow.bundle.nope.Nothing"),
            stop("S", "tests.SaveParquet"),
            stop("F", "piflow.stops.common.Filter"),
            stop("P", "tests.Pair"),
            stop("D", "tests.Double"),
        ],
        [
            path("N", "S"),
            path("N", "Ghost"),
            path("N", "P", inport="Left"),
            path("S", "N"),
            path("N", "F", outport="wrong"),
        ],
    )

    # when
    problems = {
        (p.stop, p.property, p.path): p.message
        for p in validate_flow(spec, registry(), RunRequest(checkpoints=("Nobody",)))
    }

    # then
    assert problems[("N", "count", None)] == "'many' is not a whole number"
    assert "duplicate stop name" in problems[("N", None, None)]
    assert problems[("X", "bundle", None)] == "unknown bundle 'cn.piflow.bundle.nope.Nothing'"
    assert problems[("S", "path", None)] == "is required"
    assert problems[("F", "condition", None)] == "is required"
    assert problems[(None, None, 1)] == "names unknown stop 'Ghost'"
    assert "'N' has no input port 'default' (it has none: it is a source)" in problems[("N", None, 3)]
    assert "'N' has no output port 'wrong'" in problems[("N", None, 4)]
    assert problems[("P", None, None)] == "needs input on 'Left' and 'Right'; 'Right' not connected"
    assert problems[("D", None, None)] == "needs input on 'default'; 'default' not connected"
    assert problems[(None, "checkpoint", None)] == "checkpoint names unknown stop 'Nobody'"


def test_a_cycle_is_reported():
    spec = flow(
        [
            stop("A", "tests.Double"),
            stop("B", "tests.Double"),
            stop("N", "tests.Numbers"),
            stop("P", "tests.Pair"),
        ],
        [path("N", "P", inport="Left"), path("A", "P", inport="Right"), path("P", "B"), path("B", "A")],
    )
    messages = [p.message for p in validate_flow(spec, registry())]
    assert messages == ["the paths form a cycle through 'A', 'B', 'P'"]


def test_two_paths_into_one_default_port_are_refused():
    spec = flow(
        [stop("N", "tests.Numbers"), stop("M", "tests.Numbers"), stop("D", "tests.Double")],
        [path("N", "D"), path("M", "D")],
    )
    [problem] = validate_flow(spec, registry())
    assert problem.path == 1 and "already connected by paths[0]" in problem.message


def test_a_valid_flow_compiles_in_dependency_order():
    spec = flow(
        [
            stop("S", "tests.SaveParquet", path="/tmp/x"),
            stop("D", "tests.Double"),
            stop("N", "tests.Numbers", count="3"),
        ],
        [path("D", "S"), path("N", "D")],
    )
    compiled = compile_flow(spec, registry())
    assert compiled.order == ["N", "D", "S"]
    assert compiled.stops["N"].instance.count == 3


def test_choices_and_join_ports_of_real_stops():
    spec = flow(
        [
            stop("L", "tests.Numbers"),
            stop("J", "cn.piflow.bundle.common.Join", joinMode="sideways", correlationColumn="n"),
        ],
        [path("L", "J", inport="Left")],
    )
    problems = {(p.stop, p.property): p.message for p in validate_flow(spec, registry())}
    assert "'sideways' is not one of" in problems[("J", "joinMode")]
    assert problems[("J", None)] == "needs input on 'Left' and 'Right'; 'Right' not connected"
