import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'

import { api } from '@/lib/api-client'
import type { StopDescriptor } from '@/features/canvas-core'

/**
 * `GET /api/stops/`: every stop's descriptor (palette entries, nodes' ports, property forms), its
 * texts in the language the request asks for (`Accept-Language`, the UI's).
 */
export function getStops(signal?: AbortSignal): Promise<StopDescriptor[]> {
  return api.get('/api/stops/', undefined, signal)
}

export const stopsQueryOptions = (language: string) =>
  queryOptions({
    queryKey: ['stops', 'descriptors', language],
    queryFn: ({ signal }) => getStops(signal),
    // The catalogue changes only when the server is upgraded or a plugin installed.
    staleTime: 5 * 60_000,
  })

/** The catalogue in the UI's language; on a switch the previous one stays until the new one is in. */
export function useStops() {
  const { i18n } = useTranslation()
  return useQuery({ ...stopsQueryOptions(i18n.language), placeholderData: keepPreviousData })
}
