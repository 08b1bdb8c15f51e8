"""Canvas draw time and panning frame times for a flow of 1,000 stops, against a 10-stop flow.

    .venv/bin/python bench/canvas_draw.py [--stops 1000] [--rounds 3] [--pan-seconds 3]

Starts an isolated PiFlow (``bench/_stack.py``: Daphne, its own data dir and database), creates
two generated flows through the API (a grid of MockData -> Filter -> ... -> CsvSave chains, with
paths and positions): one of ``--stops`` stops and a 10-stop baseline. Headless Chromium
(``/usr/bin/chromium``) logs in and opens ``/flows/<id>/edit``:

* draw time: from navigation start (``performance.now()`` is 0 there) until the canvas is
  drawn: the xyflow viewport is placed, every rendered stop is measured and visible, and that
  state holds for three animation frames in a row (the first of them is the figure). It covers
  loading the app, the two API calls (the flow with its validation, the stop catalogue) and
  rendering. Median of ``--rounds`` fresh page loads.
* panning: ``requestAnimationFrame`` deltas while the mouse drags the empty pane around for
  ``--pan-seconds`` (median and p95, ms).

Last line: ``draw_s <median seconds to draw the big flow>``. Target: <= 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import Stack  # noqa: E402

CHROMIUM = os.environ.get("PIFLOW_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1440, "height": 900}
CHAIN = 25  # stops per chain (one row of the grid)
COLUMN, ROW = 260, 130  # grid spacing, as the canvas lays flows out

# Installed before the app loads: watches every frame for "drawn" (see the module docstring).
DRAW_PROBE = """
(() => {
  let streak = 0, first = 0, last = '';
  const tick = () => {
    const viewport = document.querySelector('.react-flow__viewport');
    const nodes = document.querySelectorAll('.react-flow__node');
    let ready = viewport && nodes.length > 0 && viewport.style.transform !== '';
    if (ready) {
      for (const node of nodes) {
        if (node.style.visibility === 'hidden') { ready = false; break; }
      }
    }
    const state = ready ? nodes.length + '|' + viewport.style.transform : '';
    if (ready && state === last) {
      streak += 1;
    } else if (ready) {
      streak = 1; first = performance.now();
    } else {
      streak = 0;
    }
    last = state;
    if (streak >= 3) {
      window.__canvasDrawn = { ms: first, nodes: nodes.length };
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""

FRAME_PROBE = """
() => {
  window.__frames = [];
  let previous = performance.now();
  window.__framesOn = true;
  const tick = (now) => {
    window.__frames.push(now - previous);
    previous = now;
    if (window.__framesOn) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""

# A point of the empty pane (not on a stop, a path or the minimap), in page coordinates.
EMPTY_POINT = """
() => {
  const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
  for (let y = pane.top + pane.height * 0.3; y < pane.bottom - 40; y += 7) {
    for (let x = pane.left + pane.width * 0.3; x < pane.right - 260; x += 7) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.classList.contains('react-flow__pane')) return { x, y };
    }
  }
  return { x: pane.left + 20, y: pane.top + 20 };
}
"""


def generated_flow(name: str, stops: int) -> dict:
    """``stops`` stops in chains of CHAIN: MockData -> Filter ... -> CsvSave, laid out as a grid."""
    flow_stops, paths, positions = [], [], {}
    for index in range(stops):
        row, column = divmod(index, CHAIN)
        last_in_chain = column == CHAIN - 1 or index == stops - 1
        if column == 0:
            stop = {
                "name": f"Mock_{row}",
                "bundle": "piflow.stops.common.MockData",
                "properties": {"schema": "id:Int,name:String", "count": "100"},
            }
        elif last_in_chain:
            stop = {
                "name": f"Save_{row}",
                "bundle": "piflow.stops.csv.CsvSave",
                "properties": {"csvSavePath": f"/tmp/piflow-bench/out_{row}"},
            }
        else:
            stop = {
                "name": f"Filter_{row}_{column}",
                "bundle": "piflow.stops.common.Filter",
                "properties": {"condition": f"id > {column}"},
            }
        flow_stops.append(stop)
        positions[stop["name"]] = {"x": column * COLUMN, "y": row * ROW}
        if column > 0:
            paths.append(
                {"from": flow_stops[index - 1]["name"], "outport": "", "inport": "", "to": stop["name"]}
            )
    return {"name": name, "stops": flow_stops, "paths": paths, "positions": positions, "checkpoints": []}


def log_in(page, base: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label(re.compile(r"^User name\s*\*?$")).fill("bench")
    page.get_by_label(re.compile(r"^Password\s*\*?$")).fill("bench-pass-123")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def draw_once(context, base: str, flow_id: int) -> tuple[float, int, float]:
    """Seconds from navigation start to drawn, stops drawn, and to the last API answer (flow, stops)."""
    page = context.new_page()
    page.add_init_script(DRAW_PROBE)
    page.goto(f"{base}/flows/{flow_id}/edit", wait_until="commit")
    page.wait_for_function("() => window.__canvasDrawn", timeout=120_000, polling=50)
    drawn = page.evaluate("() => window.__canvasDrawn")
    api = page.evaluate(f"""() => performance.getEntriesByType('resource')
        .filter(e => e.name.endsWith('/api/flows/{flow_id}/') || e.name.endsWith('/api/stops/'))
        .map(e => e.responseEnd)""")
    page.close()
    return drawn["ms"] / 1000, drawn["nodes"], (max(api) / 1000 if api else float("nan"))


def pan(context, base: str, flow_id: int, seconds: float) -> list[float]:
    """Frame deltas (ms) while the pane is dragged around in circles."""
    import math

    page = context.new_page()
    page.add_init_script(DRAW_PROBE)
    page.goto(f"{base}/flows/{flow_id}/edit")
    page.wait_for_function("() => window.__canvasDrawn", timeout=120_000, polling=50)
    start = page.evaluate(EMPTY_POINT)
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    page.evaluate(FRAME_PROBE)
    began = time.perf_counter()
    step = 0
    while time.perf_counter() - began < seconds:
        step += 1
        angle = step / 12
        page.mouse.move(
            start["x"] + 220 * math.sin(angle), start["y"] + 160 * math.sin(angle * 0.7) + step * 0.8
        )
        time.sleep(1 / 120)
    page.mouse.up()
    frames = page.evaluate("() => { window.__framesOn = false; return window.__frames.slice(1); }")
    page.close()
    return frames


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stops", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pan-seconds", type=float, default=3.0)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with Stack() as stack:
        base = f"http://127.0.0.1:{stack.port}"
        flows = {}
        for label, count in (("baseline", 10), ("big", args.stops)):
            flow = stack.post("/api/flows/", generated_flow(f"canvas bench {count}", count))
            assert len(flow["stops"]) == count and flow["valid"], json.dumps(flow["problems"][:3])
            flows[label] = (flow["id"], count)
        print(
            f"stack: port {stack.port}; flows of {flows['baseline'][1]} and {flows['big'][1]} stops "
            f"({len(generated_flow('x', args.stops)['paths'])} paths)"
        )

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(viewport=VIEWPORT, locale="en-US")
            log_in(context.new_page(), base)
            results = {}
            for label, (flow_id, count) in flows.items():
                draw_once(context, base, flow_id)  # warm-up: caches the app's files
                rounds = [draw_once(context, base, flow_id) for _ in range(args.rounds)]
                draws = [r[0] for r in rounds]
                frames = pan(context, base, flow_id, args.pan_seconds)
                results[label] = statistics.median(draws)
                print(
                    f"{label:8} {count:5} stops: drawn in "
                    + " ".join(f"{d:.3f}" for d in draws)
                    + f" s (median {statistics.median(draws):.3f} s; {rounds[0][1]} stops on screen; "
                    + f"data in at {statistics.median(r[2] for r in rounds):.3f} s)"
                )
                print(
                    f"{label:8} {count:5} stops: panning {len(frames)} frames, median "
                    f"{statistics.median(frames):.1f} ms, p95 {p95(frames):.1f} ms, max {max(frames):.1f} ms"
                )
            browser.close()
    print(f"ratio big/baseline draw {results['big'] / results['baseline']:.2f}")
    print(f"draw_s {results['big']:.3f}")


if __name__ == "__main__":
    main()
