import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Page } from '@/lib/api-types'
import { isFinished, type ProcessListItem } from '../types'

export const PROCESS_PAGE_SIZE = 20

export type ProcessListParams = { state: string; flow?: number; page: number }

/** `GET /api/processes/?state=&flow=&page=`: runs, newest first. */
export function getProcesses(
  { state, flow, page }: ProcessListParams,
  signal?: AbortSignal,
): Promise<Page<ProcessListItem>> {
  return api.get('/api/processes/', { state, flow, page, page_size: PROCESS_PAGE_SIZE }, signal)
}

export const processesQueryOptions = (params: ProcessListParams) =>
  queryOptions({
    queryKey: ['processes', 'list', params],
    queryFn: ({ signal }) => getProcesses(params, signal),
    placeholderData: keepPreviousData,
    // Follow runs that are still going; a quiet list is not polled.
    refetchInterval: (query) =>
      query.state.data?.results.some((process) => !isFinished(process.state)) ? 2_000 : 15_000,
  })

export function useProcesses(params: ProcessListParams) {
  return useQuery(processesQueryOptions(params))
}
