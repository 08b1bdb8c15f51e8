import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import { TOKEN_PAGE_SIZE, type ApiTokenPage } from '../types'

export const TOKENS_QUERY_KEY = ['account', 'tokens'] as const

/** `GET /api/auth/tokens/?page=`: the user's own tokens, newest first. */
export function getTokens(page: number, signal?: AbortSignal): Promise<ApiTokenPage> {
  return api.get('/api/auth/tokens/', { page, page_size: TOKEN_PAGE_SIZE }, signal)
}

export const tokensQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...TOKENS_QUERY_KEY, page],
    queryFn: ({ signal }) => getTokens(page, signal),
    placeholderData: keepPreviousData,
  })

export function useTokens(page: number) {
  return useQuery(tokensQueryOptions(page))
}
