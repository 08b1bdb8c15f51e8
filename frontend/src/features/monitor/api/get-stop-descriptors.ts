import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { StopDescriptor } from '@/features/canvas-core'

/** `GET /api/stops/`: every stop's descriptor (the node draws its kind, group and ports from it). */
export function getStopDescriptors(signal?: AbortSignal): Promise<StopDescriptor[]> {
  return api.get('/api/stops/', undefined, signal)
}

export const stopDescriptorsQueryOptions = () =>
  queryOptions({
    queryKey: ['stops', 'descriptors', 'all'],
    queryFn: ({ signal }) => getStopDescriptors(signal),
    staleTime: 5 * 60_000,
  })

export function useStopDescriptors() {
  return useQuery(stopDescriptorsQueryOptions())
}
