import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { ApiSchema } from '@/lib/api-types'

export type ProcessCheckpoints = ApiSchema<'ProcessCheckpoints'>

/** `GET /api/processes/<id>/checkpoints/`: the stops of the run that left a complete checkpoint. */
export function getCheckpoints(id: string, signal?: AbortSignal): Promise<ProcessCheckpoints> {
  return api.get(`/api/processes/${encodeURIComponent(id)}/checkpoints/`, undefined, signal)
}

export const checkpointsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['processes', 'checkpoints', id],
    queryFn: ({ signal }) => getCheckpoints(id, signal),
    staleTime: 0,
  })

export function useCheckpoints(id: string, enabled: boolean) {
  return useQuery({ ...checkpointsQueryOptions(id), enabled })
}
