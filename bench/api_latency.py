"""API latency under load: p99 of ``GET /stop/list`` and ``GET /flow/info`` at 200 requests/s.

    .venv/bin/python bench/api_latency.py [--rate 200] [--seconds 15]

An isolated PiFlow web server as ``make start`` runs it outside debug mode (Uvicorn, two
processes; SQLite; Redis when it answers) with one finished run to ask about. Load comes from a second process on loopback:
an open-loop generator (``bench/_load.py``) that sends requests at a fixed rate and measures
each latency from when the request was scheduled. Baseline, side by side: the same server's
cheapest authenticated answer, ``GET /stop/groups``. Last line: ``p99_ms <worst of the two>``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _load import run_load  # noqa: E402
from _stack import Stack  # noqa: E402

FLOW = {
    "flow": {
        "name": "latency",
        "stops": [
            {
                "uuid": "1",
                "name": "MockData",
                "bundle": "cn.piflow.bundle.common.MockData",
                "properties": {"schema": "a:Int", "count": "5"},
            },
            {
                "uuid": "2",
                "name": "Filter",
                "bundle": "cn.piflow.bundle.common.Filter",
                "properties": {"condition": "a > 1"},
            },
        ],
        "paths": [{"from": "MockData", "to": "Filter"}],
    }
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    with Stack(server="uvicorn", web_workers=2) as stack:
        app_id = stack.post("/flow/start", FLOW)["flow"]["id"]  # queued: no worker needed to read it
        headers = {"Authorization": f"Token {stack.token}"}
        endpoints = {
            "/stop/groups (baseline)": "/stop/groups",
            "/stop/list": "/stop/list",
            "/flow/info": f"/flow/info?appID={app_id}",
        }
        run_load("127.0.0.1", stack.port, "/stop/list", headers=headers, rate=args.rate, seconds=3)  # warm-up
        results = {}
        for label, path in endpoints.items():
            results[label] = run_load(
                "127.0.0.1", stack.port, path, headers=headers, rate=args.rate, seconds=args.seconds
            )
            print(f"{label:<26} {results[label].summary()}", flush=True)
    bad = {label: r for label, r in results.items() if r.errors or set(r.statuses) != {200}}
    if bad:
        raise SystemExit(f"errors or non-200 answers: {', '.join(bad)}")
    worst = max(results[label].percentile(99) for label in ("/stop/list", "/flow/info"))
    print(f"rate {args.rate:.0f}/s for {args.seconds:.0f} s each")
    print(f"p99_ms {worst:.1f}")


if __name__ == "__main__":
    main()
