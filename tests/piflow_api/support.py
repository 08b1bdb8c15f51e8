"""Helpers for the /flow/* API tests: a flow for the real engine and processes stored as a worker would.

Run directories are written with :func:`tests.run_files.lay_out_run`.
"""

from __future__ import annotations

import piflow
from flows.models import Process, ProcessPath, ProcessStop

ENGINE_FLOW = {
    "flow": {
        "name": "mock-fork-show",
        "runMode": "DEBUG",
        "checkpoint": "Fork",
        "stops": [
            {
                "name": "Mock",
                "bundle": "piflow.stops.common.MockData",
                "properties": {"schema": "title:String,author:String,age:Int", "count": "25", "seed": "7"},
            },
            {
                "name": "Fork",
                "bundle": "cn.piflow.bundle.common.Fork",
                "properties": {"outports": ["out1", "out2"]},
            },
            {
                "name": "ShowA",
                "bundle": "cn.piflow.bundle.external.ShowData",
                "properties": {"showNumber": "3"},
            },
            {
                "name": "ShowB",
                "bundle": "cn.piflow.bundle.external.ShowData",
                "properties": {"showNumber": "3"},
            },
        ],
        "paths": [
            {"from": "Mock", "outport": "", "inport": "", "to": "Fork"},
            {"from": "Fork", "outport": "out1", "inport": "", "to": "ShowA"},
            {"from": "Fork", "outport": "out2", "inport": "", "to": "ShowB"},
        ],
    }
}


def make_process(owner, spec: dict, **fields) -> Process:
    """A Process with its stops and paths, as ``services.process_start`` stores it (not queued)."""
    flow_spec, request = piflow.parse_piflow(spec)
    process = Process.objects.create(owner=owner, name=flow_spec.name, spec=flow_spec.to_dict(), **fields)
    for index, stop in enumerate(flow_spec.stops):
        ProcessStop.objects.create(
            process=process,
            name=stop.name,
            bundle=stop.bundle,
            position=index,
            checkpoint=stop.name in request.checkpoints,
        )
    for path in flow_spec.paths:
        ProcessPath.objects.create(
            process=process,
            from_stop=path.from_stop,
            outport=path.outport,
            inport=path.inport,
            to_stop=path.to_stop,
        )
    return process
