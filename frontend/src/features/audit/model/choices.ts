/**
 * The actions and object types the filters offer. Typed against the schema's enums: when the
 * server gains one, this stops compiling until it is listed here (and named in both catalogues).
 */
import type { AuditAction, AuditTargetType } from '../types'

const ACTIONS = {
  created: true,
  imported: true,
  changed: true,
  deleted: true,
  started: true,
  stopped: true,
  granted: true,
  revoked: true,
} satisfies Record<AuditAction, true>

const TARGET_TYPES = {
  flow: true,
  process: true,
  grant: true,
  group: true,
  schedule: true,
  datasource: true,
  stopshub_package: true,
} satisfies Record<AuditTargetType, true>

export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[]
export const AUDIT_TARGET_TYPES = Object.keys(TARGET_TYPES) as AuditTargetType[]
