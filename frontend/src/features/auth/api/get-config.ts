import { queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { AuthConfig } from '../types'

/** `GET /api/auth/config` (public): what the login and register pages need, such as whether registration is open. */
export function getAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return api.get('/api/auth/config', undefined, signal)
}

export const authConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'config'],
    queryFn: ({ signal }) => getAuthConfig(signal),
    staleTime: 5 * 60_000,
  })

export function useAuthConfig() {
  return useQuery(authConfigQueryOptions())
}
