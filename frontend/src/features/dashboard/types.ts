import type { ApiSchema } from '@/lib/api-types'

/** `GET /api/dashboard/` (piflow_site/dashboard.py): machine load, counts, and runs by state. */
export type Dashboard = ApiSchema<'Dashboard'>

/** The chart's bars, as the manual names them; INIT and anything unknown count as "other". */
export const CHART_STATES = ['STARTED', 'COMPLETED', 'FAILED', 'KILLED', 'OTHER'] as const
export type ChartState = (typeof CHART_STATES)[number]

export function runsByChartState(runs: Record<string, number>): Record<ChartState, number> {
  const out: Record<ChartState, number> = { STARTED: 0, COMPLETED: 0, FAILED: 0, KILLED: 0, OTHER: 0 }
  for (const [state, count] of Object.entries(runs)) {
    const key = (CHART_STATES as readonly string[]).includes(state) ? (state as ChartState) : 'OTHER'
    out[key] += count
  }
  return out
}

/** 0 and up to four round steps that reach `max`. */
export function niceTicks(max: number): number[] {
  const rough = max / 4
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10
  const ticks: number[] = []
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v)
    if (v >= max) break
  }
  return ticks
}
