"""An open-loop HTTP load generator (standard library only).

Requests are sent at a fixed rate whatever the server does, and each latency is measured
from the moment the request was *scheduled*, so a slow server cannot hide its queueing
delay (no coordinated omission). Connections are HTTP/1.1 keep-alive, reused from a pool.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
        return ordered[index]

    def summary(self) -> str:
        return (
            f"n={len(self.latencies_ms)} errors={self.errors} statuses={self.statuses} "
            f"p50={self.percentile(50):.1f}ms p90={self.percentile(90):.1f}ms "
            f"p99={self.percentile(99):.1f}ms max={max(self.latencies_ms, default=0):.1f}ms "
            f"mean={statistics.fmean(self.latencies_ms) if self.latencies_ms else 0:.1f}ms"
        )


async def _read_response(reader: asyncio.StreamReader) -> int:
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    if length:
        await reader.readexactly(length)
    return status


async def _run(
    host: str, port: int, path: str, headers: dict[str, str], rate: float, seconds: float, connections: int
) -> LoadResult:
    result = LoadResult()
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{head}\r\n".encode()
    pool: asyncio.Queue = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection(host, port))

    async def one(scheduled: float) -> None:
        reader, writer = await pool.get()
        try:
            writer.write(request)
            await writer.drain()
            status = await _read_response(reader)
            result.statuses[status] = result.statuses.get(status, 0) + 1
            result.latencies_ms.append((time.perf_counter() - scheduled) * 1000)
            pool.put_nowait((reader, writer))
        except Exception:
            result.errors += 1
            writer.close()
            pool.put_nowait(await asyncio.open_connection(host, port))

    start = time.perf_counter()
    total = int(rate * seconds)
    tasks = []
    for i in range(total):
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(scheduled)))
    await asyncio.gather(*tasks)
    while not pool.empty():
        _, writer = pool.get_nowait()
        writer.close()
    return result


def run_load(
    host: str,
    port: int,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    rate: float = 200,
    seconds: float = 10,
    connections: int = 32,
) -> LoadResult:
    """Send ``GET path`` at ``rate`` requests per second for ``seconds``; return the latencies."""
    return asyncio.run(_run(host, port, path, headers or {}, rate, seconds, connections))
