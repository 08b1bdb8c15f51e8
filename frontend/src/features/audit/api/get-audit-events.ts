import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Page } from '@/lib/api-types'
import { AUDIT_PAGE_SIZE, type AuditEvent, type AuditFilters } from '../types'

export type AuditListParams = AuditFilters & { page: number }

/** A `datetime-local` value as the instant it names (ISO 8601, UTC); empty when there is none. */
export function instant(local: string): string {
  if (!local) return ''
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/** `GET /api/audit/?actor=&action=&target_type=&target_id=&since=&until=&page=`: events, newest first. */
export function getAuditEvents(params: AuditListParams, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  const { since, until, page, ...filters } = params
  return api.get(
    '/api/audit/',
    { ...filters, since: instant(since), until: instant(until), page, page_size: AUDIT_PAGE_SIZE },
    signal,
  )
}

export const auditEventsQueryOptions = (params: AuditListParams) =>
  queryOptions({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => getAuditEvents(params, signal),
    placeholderData: keepPreviousData,
  })

export function useAuditEvents(params: AuditListParams) {
  return useQuery(auditEventsQueryOptions(params))
}
