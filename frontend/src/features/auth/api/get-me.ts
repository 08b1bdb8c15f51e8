import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, isApiError } from '@/lib/api-client'
import { ME_QUERY_KEY } from '@/lib/query-client'
import type { User } from '../types'

/** `GET /api/auth/me`: the logged-in user, or null when nobody is. */
export async function getMe(): Promise<User | null> {
  try {
    return await api.get<User>('/api/auth/me')
  } catch (error) {
    if (isApiError(error, 401) || isApiError(error, 403)) return null
    throw error
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ME_QUERY_KEY, queryFn: getMe, staleTime: 5 * 60_000, retry: 1 })

export function useMe() {
  return useQuery(meQueryOptions())
}
