import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { RequireAuth } from './guards'
import { safeNext } from './paths'
import { mockFetch, renderRoutes } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

describe('route guard', () => {
  it('sends anonymous visitors to the login page and remembers where they were going', async () => {
    mockFetch(() => ({ status: 401, body: { error: 'Authentication credentials were not provided.' } }))
    const { router } = renderRoutes(
      [
        { element: <RequireAuth />, children: [{ path: '/flows', element: <p>{'flows'}</p> }] },
        { path: '/login', element: <p>{'login'}</p> },
      ],
      '/flows?search=x',
    )
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(router.state.location.search).toBe('?next=%2Fflows%3Fsearch%3Dx')
    expect(screen.getByText('login')).toBeInTheDocument()
  })

  it('never redirects off the site', () => {
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext('//evil.example/')).toBe('/')
    expect(safeNext('/processes')).toBe('/processes')
  })
})
