"""A run's files (log, checkpoints, debug samples) written by hand, as the engine lays them out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import piflow


def lay_out_run(
    run_id: str,
    *,
    log: str | None = None,
    checkpoints: Iterable[str] = (),
    debug: Mapping[tuple[str, str], list[dict]] | None = None,
    rows_per_sample: int = 1,
) -> piflow.RunStorage:
    """The run directory of ``run_id``, as the engine would leave it.

    ``debug`` maps ``(stop, port)`` to the sampled rows; a sample is usually a fraction of what
    went through, so the recorded row count is ``rows_per_sample`` times the rows given. Each stop
    in ``checkpoints`` gets a complete checkpoint of its default port.
    """
    storage = piflow.RunStorage.of(run_id)
    storage.root.mkdir(parents=True, exist_ok=True)
    if log is not None:
        storage.log_path.write_bytes(log.encode("utf-8"))
    for stop in checkpoints:
        target = storage.checkpoint_dir(stop)
        target.mkdir(parents=True, exist_ok=True)
        (target.parent / "_COMPLETE").touch()
    for (stop, port), rows in (debug or {}).items():
        target = storage.debug_dir(stop, port)
        target.mkdir(parents=True, exist_ok=True)
        (target / "rows.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
        columns = list(rows[0]) if rows else []
        schema = {
            "type": "struct",
            "fields": [{"name": c, "type": "string", "nullable": True, "metadata": {}} for c in columns],
        }
        (target / "meta.json").write_text(
            json.dumps(
                {
                    "stop": stop,
                    "port": port,
                    "schema": schema,
                    "columns": columns,
                    "sampled": len(rows),
                    "rows": len(rows) * rows_per_sample,
                }
            )
        )
    return storage
