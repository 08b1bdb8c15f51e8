import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { FlowListPage } from './FlowListPage'
import type { FlowListItem } from '../types'
import { mockFetch, renderRoutes } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

const flow: FlowListItem = {
  id: 7,
  uuid: 'u',
  name: 'csv to parquet',
  description: 'nightly',
  owner: 'ada',
  revision: 3,
  stop_count: 2,
  valid: false,
  problems: [{ message: 'path is required' }],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
}

const routes = [
  { path: '/flows', element: <FlowListPage /> },
  { path: '/processes/:id', element: <p>{'monitor'}</p> },
]

describe('flow list', () => {
  it('lists the flows with their state', async () => {
    mockFetch(() => ({ body: { count: 1, next: null, previous: null, results: [flow] } }))
    renderRoutes(routes, '/flows')
    const row = (await screen.findByText('csv to parquet')).closest('tr')!
    expect(within(row).getByText('1 problem')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: 'Open canvas' })).toHaveAttribute('href', '/flows/7/edit')
  })

  it('creates a flow with the default Spark resources', async () => {
    const fetch = mockFetch((_url, init) => {
      if (init.method === 'POST') return { status: 201, body: { ...flow, id: 8, name: 'new one' } }
      return { body: { count: 0, next: null, previous: null, results: [] } }
    })
    renderRoutes(routes, '/flows')
    await userEvent.click((await screen.findAllByRole('button', { name: 'New flow' }))[0]!)
    const dialog = screen.getByRole('dialog')
    await userEvent.type(within(dialog).getByLabelText(/^name/i), 'new one')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const post = fetch.calls().find(({ init }) => init.method === 'POST')!
    expect(post.body).toEqual({
      name: 'new one',
      description: '',
      driver_memory: '1g',
      executor_number: 1,
      executor_memory: '1g',
      executor_cores: 1,
    })
    expect(await screen.findByText('Flow “new one” created.')).toBeInTheDocument()
  })

  it('opens the run it started', async () => {
    mockFetch((url, init) => {
      if (init.method === 'POST' && url.pathname === '/api/flows/7/run/') return { status: 201, body: { id: 'run-1' } }
      return { body: { count: 1, next: null, previous: null, results: [flow] } }
    })
    const { router } = renderRoutes(routes, '/flows')
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/processes/run-1'))
  })

  it("lists the engine's problems when a run is refused", async () => {
    mockFetch((_url, init) => {
      if (init.method === 'POST') {
        return {
          status: 400,
          body: { error: 'the flow is not valid', problems: [{ message: 'is required', stop: 'Csv', property: 'path' }] },
        }
      }
      return { body: { count: 1, next: null, previous: null, results: [flow] } }
    })
    renderRoutes(routes, '/flows')
    await userEvent.click(await screen.findByRole('button', { name: 'Debug' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('Csv · path')).toBeInTheDocument()
    expect(within(dialog).getByText('is required')).toBeInTheDocument()
  })

  it('keeps the search in the URL', async () => {
    const fetch = mockFetch(() => ({ body: { count: 0, next: null, previous: null, results: [] } }))
    const { router } = renderRoutes(routes, '/flows')
    await userEvent.type(await screen.findByRole('searchbox'), 'csv')
    await waitFor(() => expect(router.state.location.search).toBe('?search=csv'))
    await waitFor(() => expect(fetch.calls().some(({ url }) => url.searchParams.get('search') === 'csv')).toBe(true))
  })
})
