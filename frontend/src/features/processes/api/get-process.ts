import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import { isFinished, type Process } from '../types'

/** `GET /api/processes/<id>/`: one run with its stops and paths. */
export function getProcess(id: string, signal?: AbortSignal): Promise<Process> {
  return api.get(`/api/processes/${encodeURIComponent(id)}/`, undefined, signal)
}

export const processQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['processes', 'detail', id],
    queryFn: ({ signal }) => getProcess(id, signal),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.state) ? false : 2_000),
  })

export function useProcess(id: string) {
  return useQuery(processQueryOptions(id))
}
