import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Page } from '@/lib/api-types'
import { FLOW_PAGE_SIZE, type FlowListItem } from '../types'

export type FlowListParams = { search: string; page: number }

/** `GET /api/flows/?search=&page=`: the user's flows (an admin: all), most recently changed first. */
export function getFlows({ search, page }: FlowListParams, signal?: AbortSignal): Promise<Page<FlowListItem>> {
  return api.get('/api/flows/', { search, page, page_size: FLOW_PAGE_SIZE }, signal)
}

export const flowsQueryOptions = (params: FlowListParams) =>
  queryOptions({
    queryKey: ['flows', 'list', params],
    queryFn: ({ signal }) => getFlows(params, signal),
    placeholderData: keepPreviousData,
  })

export function useFlows(params: FlowListParams) {
  return useQuery(flowsQueryOptions(params))
}
