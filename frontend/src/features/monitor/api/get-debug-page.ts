import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { DebugPage } from '../types'

/** Rows a page of the debug table shows (the server allows up to 1,000). */
export const DEBUG_PAGE_SIZE = 50

export type DebugPageParams = { stop: string; port: string; offset: number; limit?: number }

/** `GET /api/processes/<id>/debug/?stop=&port=&offset=&limit=`: the schema and one page of a port's kept rows. */
export function getDebugPage(id: string, params: DebugPageParams, signal?: AbortSignal): Promise<DebugPage> {
  const { stop, port, offset, limit = DEBUG_PAGE_SIZE } = params
  return api.get(`/api/processes/${encodeURIComponent(id)}/debug/`, { stop, port, offset, limit }, signal)
}

/**
 * One page at a time: a page leaves the cache as soon as it is not shown (`gcTime: 0`), so the
 * browser never holds more than the page on screen, however many rows the run kept.
 */
export const debugPageQueryOptions = (id: string, params: DebugPageParams) =>
  queryOptions({
    queryKey: ['processes', 'debug', id, params.stop, params.port, params.offset, params.limit ?? DEBUG_PAGE_SIZE],
    queryFn: ({ signal }) => getDebugPage(id, params, signal),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  })

export function useDebugPage(id: string, params: DebugPageParams, enabled = true) {
  return useQuery({ ...debugPageQueryOptions(id, params), enabled })
}
