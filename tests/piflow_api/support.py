"""Helpers for the /flow/* API tests: a flow for the real engine, processes and run directories."""

from __future__ import annotations

import json
from pathlib import Path

import piflow
from flows.models import Process, ProcessPath, ProcessStop

ENGINE_FLOW = {
    "flow": {
        "name": "mock-fork-show",
        "runMode": "DEBUG",
        "checkpoint": "Fork",
        "stops": [
            {"name": "Mock", "bundle": "piflow.stops.common.MockData",
             "properties": {"schema": "title:String,author:String,age:Int", "count": "25", "seed": "7"}},
            {"name": "Fork", "bundle": "cn.piflow.bundle.common.Fork", "properties": {"outports": ["out1", "out2"]}},
            {"name": "ShowA", "bundle": "cn.piflow.bundle.external.ShowData", "properties": {"showNumber": "3"}},
            {"name": "ShowB", "bundle": "cn.piflow.bundle.external.ShowData", "properties": {"showNumber": "3"}},
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
    flow_spec = piflow.FlowSpec.from_dict(spec)
    process = Process.objects.create(owner=owner, name=flow_spec.name, spec=flow_spec.to_dict(), **fields)
    for index, stop in enumerate(flow_spec.stops):
        ProcessStop.objects.create(process=process, name=stop.name, bundle=stop.bundle, position=index,
                                   checkpoint=stop.name in flow_spec.checkpoint)
    for path in flow_spec.paths:
        ProcessPath.objects.create(process=process, from_stop=path.from_stop, outport=path.outport,
                                   inport=path.inport, to_stop=path.to_stop)
    return process


def lay_out_run(run_id: str, *, log: str = "", debug: dict | None = None, checkpoints=()) -> Path:
    """Write a run directory by hand, in the engine's layout (see piflow.RunStorage)."""
    storage = piflow.RunStorage.of(run_id)
    storage.root.mkdir(parents=True, exist_ok=True)
    storage.log_path.write_bytes(log.encode("utf-8"))
    for (stop, port), rows in (debug or {}).items():
        target = storage.debug_dir(stop, port)
        target.mkdir(parents=True, exist_ok=True)
        (target / "rows.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
        columns = list(rows[0]) if rows else []
        schema = {"type": "struct", "fields": [
            {"name": c, "type": "string", "nullable": True, "metadata": {}} for c in columns]}
        (target / "meta.json").write_text(json.dumps(
            {"stop": stop, "port": port, "schema": schema, "columns": columns, "sampled": len(rows),
             "rows": len(rows)}))
    for stop in checkpoints:
        (storage.root / "checkpoints" / stop / "default").mkdir(parents=True, exist_ok=True)
        (storage.root / "checkpoints" / stop / "_COMPLETE").touch()
    return storage.root
