import { describe, expect, it } from 'vitest'

import type { RunEvent, Snapshot } from '../types'
import { elapsedSeconds, fromSnapshot, pathRows, runReducer, stopOf, type RunView } from './run-view'

const snapshot = (over: Partial<Snapshot['process']> = {}): Snapshot => ({
  kind: 'snapshot',
  process: {
    id: 'run-1',
    name: 'small',
    state: 'STARTED',
    progress: 0,
    error: '',
    mode: 'RUN',
    created_at: '2026-01-01T00:00:00Z',
    started_at: '2026-01-01T00:00:01Z',
    ended_at: null,
    ...over,
  },
  stops: ['Mock', 'Filter', 'Save'].map((name) => ({
    name,
    bundle: `piflow.stops.${name}`,
    state: 'INIT',
    started_at: null,
    ended_at: null,
    error: '',
  })),
  paths: [
    { from: 'Mock', outport: '', inport: '', to: 'Filter', rows: null },
    { from: 'Filter', outport: '', inport: '', to: 'Save', rows: null },
  ],
  time: '2026-01-01T00:00:01Z',
})

const event = (over: Partial<RunEvent>): RunEvent => ({
  kind: 'stop_state',
  process: 'run-1',
  state: null,
  stop: null,
  port: null,
  rows: null,
  message: '',
  time: '2026-01-01T00:00:02Z',
  progress: null,
  ...over,
})

function play(...messages: Parameters<typeof runReducer>[1][]): RunView {
  const view = messages.reduce<RunView | null>(runReducer, null)
  if (!view) throw new Error('no view')
  return view
}

describe('runReducer', () => {
  it('starts from the snapshot and ignores events before it', () => {
    expect(runReducer(null, event({ stop: 'Mock', state: 'STARTED' }))).toBeNull()
    const view = play(snapshot())
    expect(view.state).toBe('STARTED')
    expect(view.stops.map((s) => s.state)).toEqual(['INIT', 'INIT', 'INIT'])
    expect(pathRows(view, { from: 'Mock', outport: '' })).toBeNull()
  })

  it('follows stops, rows and progress to a completed run', () => {
    const view = play(
      snapshot(),
      event({ stop: 'Mock', state: 'STARTED', time: '2026-01-01T00:00:02Z' }),
      event({ kind: 'port_rows', stop: 'Mock', port: '', rows: 1000 }),
      event({ stop: 'Mock', state: 'COMPLETED', time: '2026-01-01T00:00:04Z', progress: 33.33 }),
      event({ stop: 'Filter', state: 'STARTED' }),
      event({ kind: 'port_rows', stop: 'Filter', port: 'default', rows: 50 }),
      event({ stop: 'Filter', state: 'COMPLETED', progress: 66.67 }),
      event({ stop: 'Save', state: 'STARTED' }),
      event({ stop: 'Save', state: 'COMPLETED', progress: 100 }),
      event({ kind: 'run_state', state: 'COMPLETED', time: '2026-01-01T00:00:09Z', progress: 100 }),
    )
    expect(view.state).toBe('COMPLETED')
    expect(view.progress).toBe(100)
    expect(view.ended_at).toBe('2026-01-01T00:00:09Z')
    expect(view.stops.map((s) => s.state)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED'])
    const mock = stopOf(view, 'Mock')!
    expect([mock.started_at, mock.ended_at]).toEqual(['2026-01-01T00:00:02Z', '2026-01-01T00:00:04Z'])
    // rows belong to the port the path leaves from; "default" is the default port ""
    expect(pathRows(view, view.paths[0]!)).toBe(1000)
    expect(pathRows(view, view.paths[1]!)).toBe(50)
  })

  it('keeps the cause of a failure on the stop and on the run', () => {
    const view = play(
      snapshot(),
      event({ stop: 'Mock', state: 'STARTED' }),
      event({ stop: 'Mock', state: 'FAILED', message: 'AnalysisException: no column x' }),
      event({ stop: 'Filter', state: 'SKIPPED' }),
      event({ kind: 'run_state', state: 'FAILED', message: 'stop Mock failed: no column x' }),
    )
    expect(stopOf(view, 'Mock')).toMatchObject({ state: 'FAILED', error: 'AnalysisException: no column x' })
    expect(stopOf(view, 'Filter')!.state).toBe('SKIPPED')
    expect(view).toMatchObject({ state: 'FAILED', error: 'stop Mock failed: no column x' })
  })

  it('clears an old error when a stop starts again', () => {
    const failed = play(snapshot(), event({ stop: 'Mock', state: 'FAILED', message: 'boom' }))
    const again = play(snapshot(), event({ stop: 'Mock', state: 'FAILED', message: 'boom' }), event({ stop: 'Mock', state: 'STARTED' }))
    expect(stopOf(failed, 'Mock')!.error).toBe('boom')
    expect(stopOf(again, 'Mock')).toMatchObject({ state: 'STARTED', error: '', ended_at: null })
  })

  it('resyncs on a new snapshot (a reconnect) and drops what it knew', () => {
    const before = play(snapshot(), event({ stop: 'Mock', state: 'STARTED' }), event({ kind: 'port_rows', stop: 'Mock', rows: 7 }))
    const after = runReducer(before, {
      ...snapshot({ state: 'KILLED', ended_at: '2026-01-01T00:01:00Z', progress: 0 }),
      paths: snapshot().paths.map((p) => ({ ...p, rows: p.from === 'Mock' ? 12 : null })),
    })!
    expect(after.state).toBe('KILLED')
    expect(after.stops.every((s) => s.state === 'INIT')).toBe(true)
    expect(pathRows(after, { from: 'Mock', outport: '' })).toBe(12)
  })

  it('ignores events of another run and adds stops it did not know', () => {
    const view = play(snapshot(), event({ process: 'run-2', stop: 'Mock', state: 'FAILED' }), event({ stop: 'Extra', state: 'STARTED' }))
    expect(stopOf(view, 'Mock')!.state).toBe('INIT')
    expect(stopOf(view, 'Extra')!.state).toBe('STARTED')
  })

  it('takes progress from every event that carries it', () => {
    const view = play(snapshot(), event({ kind: 'port_rows', stop: 'Mock', rows: 1, progress: 12.5 }))
    expect(view.progress).toBe(12.5)
    expect(fromSnapshot(snapshot({ progress: 40 })).progress).toBe(40)
  })
})

describe('elapsedSeconds', () => {
  it('counts to the end, or to now while running', () => {
    const now = Date.parse('2026-01-01T00:00:31Z')
    expect(elapsedSeconds('2026-01-01T00:00:01Z', '2026-01-01T00:00:11Z', now)).toBe(10)
    expect(elapsedSeconds('2026-01-01T00:00:01Z', null, now)).toBe(30)
    expect(elapsedSeconds(null, null, now)).toBeNull()
  })
})
