import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Dashboard } from '../types'

/** `GET /api/dashboard/`: machine load and the user's counts (refreshed every 5 s on screen). */
export function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return api.get<Dashboard>('/api/dashboard/', undefined, signal)
}

export const dashboardQueryOptions = () =>
  queryOptions({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => getDashboard(signal),
    refetchInterval: 5_000,
    staleTime: 0,
  })

export function useDashboard() {
  return useQuery(dashboardQueryOptions())
}
