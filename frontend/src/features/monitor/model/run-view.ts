/**
 * The run as the monitor draws it, and the reducer that keeps it current: a `snapshot` replaces
 * everything (the first message of every connection, so a reconnect resyncs), each event changes
 * what it names. Pure functions, no React: tested in `run-view.test.ts`.
 */
import type { Process } from '@/features/processes'
import type { RunEvent, Snapshot, SnapshotPath, SocketMessage } from '../types'

export const FINISHED = ['COMPLETED', 'FAILED', 'KILLED'] as const

export function isFinishedState(state: string | null | undefined): boolean {
  return !!state && (FINISHED as readonly string[]).includes(state)
}

export type StopRun = {
  name: string
  bundle: string
  state: string
  started_at: string | null
  ended_at: string | null
  error: string
}

export type RunView = {
  id: string
  state: string
  progress: number
  error: string
  mode: string
  created_at: string | null
  started_at: string | null
  ended_at: string | null
  /** In the run's order; `stopIndex` finds one by name. */
  stops: StopRun[]
  paths: SnapshotPath[]
  /** Rows that left a stop on a port: `portKey(stop, port)` -> rows. */
  rows: Record<string, number>
}

/** PiFlow spells the default port "", "default" or "Default". */
export function normalizePort(port: string | null | undefined): string {
  const name = (port ?? '').trim()
  return name.toLowerCase() === 'default' ? '' : name
}

export function portKey(stop: string, port: string | null | undefined): string {
  return `${stop}\u0000${normalizePort(port)}`
}

function rowsOf(paths: SnapshotPath[]): Record<string, number> {
  const rows: Record<string, number> = {}
  for (const path of paths) {
    if (path.rows !== null && path.rows !== undefined) rows[portKey(path.from, path.outport)] = path.rows
  }
  return rows
}

export function fromSnapshot(snapshot: Snapshot): RunView {
  const { process } = snapshot
  return {
    id: process.id,
    state: process.state,
    progress: process.progress,
    error: process.error,
    mode: process.mode,
    created_at: process.created_at,
    started_at: process.started_at,
    ended_at: process.ended_at,
    stops: snapshot.stops.map((stop) => ({ ...stop })),
    paths: snapshot.paths.map((path) => ({ ...path })),
    rows: rowsOf(snapshot.paths),
  }
}

/** The REST detail (`/api/processes/<id>/`) as a snapshot: the first picture, and the fallback when the socket is down. */
export function snapshotOfProcess(process: Process): Snapshot {
  return {
    kind: 'snapshot',
    process: {
      id: process.id,
      name: process.name,
      state: process.state,
      progress: process.progress,
      error: process.error,
      mode: process.mode,
      created_at: process.created_at,
      started_at: process.started_at,
      ended_at: process.ended_at,
    },
    stops: process.stops.map(({ name, bundle, state, started_at, ended_at, error }) => ({
      name,
      bundle,
      state,
      started_at,
      ended_at,
      error,
    })),
    paths: process.paths,
    time: null,
  }
}

function withProgress(view: RunView, event: RunEvent): RunView {
  return typeof event.progress === 'number' ? { ...view, progress: event.progress } : view
}

function applyStopState(view: RunView, event: RunEvent): RunView {
  const name = event.stop
  const state = event.state
  if (!name || !state) return view
  const index = view.stops.findIndex((stop) => stop.name === name)
  const old: StopRun = view.stops[index] ?? { name, bundle: '', state: 'INIT', started_at: null, ended_at: null, error: '' }
  const next: StopRun = { ...old, state }
  if (state === 'STARTED') {
    next.started_at = event.time ?? old.started_at
    next.ended_at = null
    next.error = ''
  } else if (isFinishedState(state) || state === 'SKIPPED') {
    next.ended_at = event.time ?? old.ended_at
    if (state === 'FAILED') next.error = event.message || old.error
  } else if (state === 'INIT') {
    next.started_at = null
    next.ended_at = null
    next.error = ''
  }
  const stops = index < 0 ? [...view.stops, next] : view.stops.map((stop, i) => (i === index ? next : stop))
  return { ...view, stops }
}

function applyRunState(view: RunView, event: RunEvent): RunView {
  const state = event.state
  if (!state) return view
  const next: RunView = { ...view, state }
  if (state === 'STARTED') {
    next.started_at = view.started_at ?? event.time
  } else if (isFinishedState(state)) {
    next.ended_at = event.time ?? view.ended_at
    if (state !== 'COMPLETED' && event.message) next.error = event.message
  }
  return next
}

function applyPortRows(view: RunView, event: RunEvent): RunView {
  if (!event.stop || event.rows === null || event.rows === undefined) return view
  return { ...view, rows: { ...view.rows, [portKey(event.stop, event.port)]: event.rows } }
}

/** The monitor's reducer: `snapshot` replaces, events change; messages of another run are ignored. */
export function runReducer(view: RunView | null, message: SocketMessage): RunView | null {
  if (message.kind === 'snapshot') return fromSnapshot(message)
  if (view === null || (message.process && message.process !== view.id)) return view
  switch (message.kind) {
    case 'stop_state':
      return withProgress(applyStopState(view, message), message)
    case 'port_rows':
      return withProgress(applyPortRows(view, message), message)
    case 'run_state':
      return applyRunState(withProgress(view, message), message)
    default:
      return view
  }
}

/** Rows that crossed a path (the rows that left its `from` stop on its `outport`), or null until known. */
export function pathRows(view: RunView, path: { from: string; outport?: string | null }): number | null {
  return view.rows[portKey(path.from, path.outport)] ?? null
}

export function stopOf(view: RunView, name: string): StopRun | undefined {
  return view.stops.find((stop) => stop.name === name)
}

/** Seconds between two instants, the second defaulting to `now` (a stop or run still going). */
export function elapsedSeconds(start: string | null, end: string | null, now: number): number | null {
  if (!start) return null
  const from = Date.parse(start)
  const to = end ? Date.parse(end) : now
  if (Number.isNaN(from) || Number.isNaN(to)) return null
  return Math.max(0, (to - from) / 1000)
}
