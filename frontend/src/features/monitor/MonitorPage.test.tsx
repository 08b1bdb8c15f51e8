import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { mockFetch, renderRoutes } from '@/test/render'
import { MonitorPage } from './MonitorPage'
import type { RunEvent, Snapshot } from './types'

/** A WebSocket the test drives: `open()`, `send(message)`, `drop(code)`. */
class FakeSocket {
  static all: FakeSocket[] = []
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  closed = false
  readonly url: string
  constructor(url: string) {
    this.url = url
    FakeSocket.all.push(this)
  }
  close() {
    this.closed = true
  }
  open() {
    act(() => this.onopen?.({}))
  }
  send(message: Snapshot | RunEvent) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) }))
  }
  drop(code = 1006) {
    act(() => this.onclose?.({ code }))
  }
  static last(): FakeSocket {
    const socket = FakeSocket.all.at(-1)
    if (!socket) throw new Error('no socket opened')
    return socket
  }
}

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  FakeSocket.all = []
  vi.stubGlobal('WebSocket', FakeSocket)
  vi.stubGlobal('ResizeObserver', NoResize)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const stops = ['Mock', 'Filter', 'Save']

const detail = (over: Record<string, unknown> = {}) => ({
  id: 'run-1',
  pid: 'p',
  name: 'small',
  flow: null,
  flow_name: 'small flow',
  owner: 'ada',
  resumed_from: null,
  mode: 'DEBUG',
  trigger: 'manual',
  state: 'STARTED',
  progress: 0,
  error: '',
  created_at: '2026-01-01T00:00:00Z',
  started_at: '2026-01-01T00:00:01Z',
  ended_at: null,
  cancel_requested: false,
  stops: stops.map((name) => ({
    name,
    bundle: `piflow.stops.common.${name}`,
    state: 'INIT',
    started_at: null,
    ended_at: null,
    duration: null,
    error: '',
    checkpoint: name === 'Filter',
  })),
  paths: [
    { from: 'Mock', outport: '', inport: '', to: 'Filter', rows: null },
    { from: 'Filter', outport: '', inport: '', to: 'Save', rows: null },
  ],
  spec: {
    flow: {
      name: 'small',
      stops: stops.map((name) => ({ name, bundle: `piflow.stops.common.${name}`, properties: {} })),
      paths: [
        { from: 'Mock', outport: '', inport: '', to: 'Filter' },
        { from: 'Filter', outport: '', inport: '', to: 'Save' },
      ],
    },
  },
  ...over,
})

const snapshot = (state = 'STARTED'): Snapshot => ({
  kind: 'snapshot',
  process: {
    id: 'run-1',
    name: 'small',
    state,
    progress: 0,
    error: '',
    mode: 'DEBUG',
    created_at: '2026-01-01T00:00:00Z',
    started_at: '2026-01-01T00:00:01Z',
    ended_at: null,
  },
  stops: stops.map((name) => ({ name, bundle: `piflow.stops.common.${name}`, state: 'INIT', started_at: null, ended_at: null, error: '' })),
  paths: detail().paths,
  time: null,
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

const node = (name: string) => document.querySelector<HTMLElement>(`.react-flow__node [data-stop="${name}"]`)

function serve(over: Record<string, unknown> = {}) {
  return mockFetch((url) => {
    if (url.pathname === '/api/processes/run-1/') return { body: detail(over) }
    if (url.pathname === '/api/stops/') return { body: [] }
    if (url.pathname === '/api/processes/run-1/debug/') {
      const offset = Number(url.searchParams.get('offset'))
      return {
        body: {
          stop: url.searchParams.get('stop'),
          port: '',
          schema: { type: 'struct', fields: [{ name: 'id', type: 'integer', nullable: true }, { name: 'name', type: 'string', nullable: true }] },
          columns: ['id', 'name'],
          rows: Array.from({ length: offset === 0 ? 50 : 20 }, (_, i) => ({ id: offset + i, name: i % 7 ? `n${offset + i}` : null })),
          offset,
          limit: 50,
          sampled: 70,
          total_rows: 1000,
        },
      }
    }
    if (url.pathname === '/api/processes/run-1/checkpoints/') return { body: { checkpoints: ['Filter'] } }
    if (url.pathname === '/api/processes/run-1/resume/') return { status: 201, body: detail({ id: 'run-2', resumed_from: 'run-1' }) }
    return undefined
  })
}

function render() {
  return renderRoutes([{ path: '/processes/:id', element: <MonitorPage /> }], '/processes/run-1')
}

describe('the run monitor', () => {
  it('colours stops and labels paths as events arrive, and shows a failure in place', async () => {
    serve()
    render()
    expect(await screen.findByRole('heading', { name: 'small flow' })).toBeInTheDocument()
    await waitFor(() => expect(node('Mock')).not.toBeNull())
    const socket = FakeSocket.last()
    expect(socket.url).toMatch(/\/ws\/processes\/run-1\/$/)
    socket.open()
    socket.send(snapshot())
    expect(screen.getByText('Live')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument()

    socket.send(event({ stop: 'Mock', state: 'STARTED' }))
    expect(node('Mock')).toHaveAttribute('data-status', 'started')
    socket.send(event({ kind: 'port_rows', stop: 'Mock', port: '', rows: 1000 }))
    socket.send(event({ stop: 'Mock', state: 'COMPLETED', progress: 33.33 }))
    expect(node('Mock')).toHaveAttribute('data-status', 'completed')
    expect(screen.getAllByRole('progressbar')[0]).toHaveAttribute('aria-valuenow', '33')

    socket.send(event({ stop: 'Filter', state: 'STARTED' }))
    socket.send(event({ stop: 'Filter', state: 'FAILED', message: "Column 'x' does not exist" }))
    socket.send(event({ kind: 'run_state', state: 'FAILED', message: "stop Filter failed: Column 'x' does not exist" }))

    // the cause is on the node, in the run's summary, and in the side panel
    expect(node('Filter')).toHaveAttribute('data-status', 'failed')
    expect(within(node('Filter')!).getByText("Column 'x' does not exist")).toBeInTheDocument()
    expect(screen.getByText("stop Filter failed: Column 'x' does not exist")).toBeInTheDocument()
    expect(screen.getByText('1 stop failed')).toBeInTheDocument()
    expect(socket.closed).toBe(true) // finished: no more live updates needed
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Rerun' })).toBeInTheDocument()

    // clicking a stop shows its state, times and error
    fireEvent.click(node('Filter')!) // a click, without the mousedown xyflow's pan handler reads in a real browser
    const panel = await screen.findByTestId('stop-panel')
    expect(within(panel).getByRole('heading', { name: 'Filter' })).toBeInTheDocument()
    expect(within(panel).getAllByText("Column 'x' does not exist").length).toBeGreaterThan(0)
  })

  it('reconnects with backoff and resyncs from the new snapshot', async () => {
    serve()
    render()
    await waitFor(() => expect(FakeSocket.all).toHaveLength(1))
    const first = FakeSocket.last()
    first.open()
    first.send(snapshot())
    first.send(event({ stop: 'Mock', state: 'STARTED' }))

    vi.useFakeTimers({ shouldAdvanceTime: true })
    first.drop()
    expect(screen.getByText('Reconnecting…')).toBeInTheDocument()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(700)
    })
    expect(FakeSocket.all).toHaveLength(2)
    const second = FakeSocket.last()
    second.open()
    second.send({
      ...snapshot(),
      stops: snapshot().stops.map((stop) => ({ ...stop, state: 'COMPLETED' })),
      paths: snapshot().paths.map((path) => ({ ...path, rows: 5 })),
    })
    expect(node('Mock')).toHaveAttribute('data-status', 'completed')
    expect(node('Save')).toHaveAttribute('data-status', 'completed')
    expect(screen.getByText('Live')).toBeInTheDocument()
  })

  it('does not retry when the server refuses the socket', async () => {
    serve()
    render()
    await waitFor(() => expect(FakeSocket.all).toHaveLength(1))
    FakeSocket.last().drop(4404)
    expect(await screen.findByText('Not live')).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(FakeSocket.all).toHaveLength(1)
  })

  it("pages through a debug run's rows on a path, one page at a time", async () => {
    const fetch = serve({ state: 'COMPLETED', ended_at: '2026-01-01T00:00:09Z', progress: 100 })
    render()
    await waitFor(() => expect(node('Mock')).not.toBeNull())
    fireEvent.click(node('Mock')!)
    await userEvent.click(within(await screen.findByTestId('stop-panel')).getByRole('button', { name: 'to Filter' }))

    const panel = await screen.findByTestId('debug-panel')
    expect(within(panel).getByRole('heading', { name: 'Rows from Mock to Filter' })).toBeInTheDocument()
    const table = await within(panel).findByRole('table', { name: 'Rows on the path' })
    expect(within(table).getAllByRole('row')).toHaveLength(51) // header + one page
    expect(within(panel).getByText('70 rows kept of 1,000')).toBeInTheDocument()
    expect(within(panel).getByText('Rows 1–50 of 70')).toBeInTheDocument()
    await userEvent.click(within(panel).getByRole('button', { name: 'Next' }))
    expect(await within(panel).findByText('Rows 51–70 of 70')).toBeInTheDocument()
    const asked = fetch.calls().filter(({ url }) => url.pathname.endsWith('/debug/'))
    expect(asked.map(({ url }) => [url.searchParams.get('stop'), url.searchParams.get('offset'), url.searchParams.get('limit')])).toEqual([
      ['Mock', '0', '50'],
      ['Mock', '50', '50'],
    ])
  })

  it('starts a new run from the ticked checkpoints', async () => {
    const fetch = serve({ state: 'COMPLETED', ended_at: '2026-01-01T00:00:09Z', progress: 100 })
    const { router } = render()
    await userEvent.click(await screen.findByRole('button', { name: 'Run from checkpoint' }))
    const dialog = await screen.findByRole('dialog', { name: 'Run from checkpoint' })
    expect(await within(dialog).findByRole('checkbox', { name: 'Filter' })).toBeChecked()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Start the new run' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/processes/run-2'))
    const resume = fetch.calls().find(({ url }) => url.pathname.endsWith('/resume/'))
    expect(resume?.body).toEqual({ checkpoints: ['Filter'] })
  })
})
