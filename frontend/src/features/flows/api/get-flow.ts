import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Flow } from '../types'

/** `GET /api/flows/<id>/`: one flow with its stops (sensitive values masked), paths and positions. */
export function getFlow(id: number, signal?: AbortSignal): Promise<Flow> {
  return api.get(`/api/flows/${id}/`, undefined, signal)
}

export const flowQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['flows', 'detail', id], queryFn: ({ signal }) => getFlow(id, signal) })

export function useFlow(id: number) {
  return useQuery(flowQueryOptions(id))
}
