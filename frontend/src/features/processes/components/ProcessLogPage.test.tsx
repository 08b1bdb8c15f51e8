import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ProcessLogPage } from './ProcessLogPage'
import { ProcessListPage } from './ProcessListPage'
import { mockFetch, renderRoutes } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

const run = {
  id: 'run-1',
  pid: 'p',
  name: 'nightly',
  flow: 1,
  flow_name: 'nightly',
  owner: 'ada',
  resumed_from: null,
  mode: 'RUN',
  trigger: 'manual',
  state: 'FAILED',
  progress: 50,
  error: 'boom',
  created_at: '2026-01-01T00:00:00Z',
  started_at: '2026-01-01T00:00:01Z',
  ended_at: '2026-01-01T00:00:09Z',
  cancel_requested: false,
  stops: [],
  paths: [],
  spec: {},
}

describe('process log', () => {
  it('reads the whole log in chunks and finds lines', async () => {
    const fetch = mockFetch((url) => {
      if (url.pathname === '/api/processes/run-1/') return { body: run }
      const offset = Number(url.searchParams.get('offset'))
      if (offset === 0) return { body: { log: 'INFO start\nERROR csv missing\n', next_offset: 26, more: true } }
      return { body: { log: offset === 26 ? 'INFO end\n' : '', next_offset: 35, more: false } }
    })
    renderRoutes([{ path: '/processes/:id/log', element: <ProcessLogPage /> }], '/processes/run-1/log')

    expect(await screen.findByText('INFO end')).toBeInTheDocument()
    expect(screen.getByText('3 lines')).toBeInTheDocument()
    const offsets = fetch.calls().filter(({ url }) => url.pathname.endsWith('/log/')).map(({ url }) => url.searchParams.get('offset'))
    expect(offsets.slice(0, 2)).toEqual(['0', '26'])

    await userEvent.type(screen.getByRole('searchbox'), 'csv')
    expect(await screen.findByText('1 match')).toBeInTheDocument()
    expect(within(screen.getByRole('log')).getByText('csv', { selector: 'mark' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only matching lines' }))
    expect(screen.queryByText('INFO end')).toBeNull()
  })
})

describe('process list', () => {
  it('filters by state through the URL and offers the actions a state allows', async () => {
    const fetch = mockFetch(() => ({ body: { count: 1, next: null, previous: null, results: [run] } }))
    const { router } = renderRoutes([{ path: '/processes', element: <ProcessListPage /> }], '/processes')
    const row = (await screen.findByText('nightly')).closest('tr')!
    expect(within(row).getByText('Failed')).toBeInTheDocument()
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')
    expect(within(row).getByRole('button', { name: 'Rerun' })).toBeInTheDocument()
    expect(within(row).queryByRole('button', { name: 'Stop' })).toBeNull()

    await userEvent.selectOptions(screen.getByRole('combobox'), 'FAILED')
    expect(router.state.location.search).toBe('?state=FAILED')
    expect(fetch.calls().some(({ url }) => url.searchParams.get('state') === 'FAILED')).toBe(true)
  })
})
