import { QueryCache, QueryClient } from '@tanstack/react-query'

import { isApiError } from './api-client'

export const ME_QUERY_KEY = ['auth', 'me'] as const

/**
 * Server state lives here. A 401 from any query means the session ended: forget the user, and
 * the route guard sends the browser to the login page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 401) && query.queryKey[0] !== ME_QUERY_KEY[0]) {
          client.setQueryData(ME_QUERY_KEY, null)
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  })
  return client
}
