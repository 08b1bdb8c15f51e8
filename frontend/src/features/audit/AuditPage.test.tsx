import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuditPage } from './AuditPage'
import type { AuditEvent } from './types'
import { mockFetch, renderRoutes } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

const changed: AuditEvent = {
  id: 2,
  at: '2026-01-02T10:00:00Z',
  actor: 1,
  actor_name: 'ada',
  action: 'changed',
  target_type: 'flow',
  target_id: '7',
  target_name: 'people',
  details: { fields: ['stops'], stops: { changed: { Db: ['properties.password'] } } },
  address: '127.0.0.1',
}

const deletedRun: AuditEvent = {
  id: 1,
  at: '2026-01-01T10:00:00Z',
  actor: null,
  actor_name: 'bob',
  action: 'deleted',
  target_type: 'process',
  target_id: 'run-1',
  target_name: 'people',
  details: { state: 'KILLED' },
  address: null,
}

const page = (results: AuditEvent[]) => ({ body: { count: results.length, next: null, previous: null, results } })
const routes = [{ path: '/audit', element: <AuditPage /> }]

describe('audit trail', () => {
  it('lists who did what to which object, and what changed by name', async () => {
    mockFetch(() => page([changed, deletedRun]))
    renderRoutes(routes, '/audit')
    const row = (await screen.findByText('properties.password', { exact: false })).closest('tr')!
    expect(within(row).getByText('ada')).toBeInTheDocument()
    expect(within(row).getByText('Changed')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: 'people' })).toHaveAttribute('href', '/flows/7/edit')
    const gone = screen.getByText('run-1').closest('tr')!
    expect(within(gone).getByText('Deleted')).toBeInTheDocument()
    expect(within(gone).queryByRole('link')).toBeNull()
    expect(within(gone).getByText('bob')).toHaveAttribute('title', "This user's account has been deleted")
  })

  it('asks the server for the chosen action and user', async () => {
    const fetch = mockFetch(() => page([changed]))
    renderRoutes(routes, '/audit')
    await screen.findByText('ada')
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'Deleted')
    await userEvent.type(screen.getByLabelText('User'), 'bob')
    await waitFor(() => {
      const last = fetch.calls().at(-1)!.url.searchParams
      expect([last.get('action'), last.get('actor')]).toEqual(['deleted', 'bob'])
    })
  })

  it('tells a non-admin the trail is for administrators', async () => {
    mockFetch(() => ({ status: 404, body: { error: 'not found' } }))
    renderRoutes(routes, '/audit')
    expect(await screen.findByText('The audit trail is for administrators.')).toBeInTheDocument()
  })
})
