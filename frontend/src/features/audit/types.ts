/** The audit trail as `/api/audit/` serves it (audit/api/serializers.py), from the server's OpenAPI schema. */
import type { Sent } from '@/lib/api-types'

/** One event: who did what to which object, from where, and when. */
export type AuditEvent = Sent<'AuditEvent'>

/** What was done: created, changed, deleted, started, stopped, granted, revoked, ... */
export type AuditAction = AuditEvent['action']

/** What it was done to: flow, process (a run), grant, ... */
export type AuditTargetType = AuditEvent['target_type']

export const AUDIT_PAGE_SIZE = 50

/** The filters of the list, as the URL keeps them (empty: not filtered). */
export type AuditFilters = {
  actor: string
  action: string
  target_type: string
  target_id: string
  /** `datetime-local` values, in the browser's time zone. */
  since: string
  until: string
}

export const AUDIT_FILTERS = ['actor', 'action', 'target_type', 'target_id', 'since', 'until'] as const
