import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom'
import { vi } from 'vitest'

import i18n from '@/i18n'

/** Render `routes` at `url` with a fresh query client and the real translations. */
export function renderRoutes(routes: RouteObject[], url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  )
  return { ...utils, router, queryClient }
}

export function renderPage(element: ReactElement, url = '/') {
  return renderRoutes([{ path: '*', element }], url)
}

type Reply = { status?: number; body?: unknown }
type Handler = (url: URL, init: RequestInit) => Reply | undefined

export type Call = { url: URL; init: RequestInit; body: unknown }

/** Replace fetch with `handler`; `calls()` lists the requests made so far. */
export function mockFetch(handler: Handler) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://testserver')
    const reply = handler(url, init ?? {}) ?? { status: 404, body: { error: 'not found' } }
    const status = reply.status ?? 200
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', mock)
  const calls = (): Call[] =>
    mock.mock.calls.map(([input, init]) => ({
      url: new URL(String(input), 'http://testserver'),
      init: init ?? {},
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }))
  return { mock, calls }
}
