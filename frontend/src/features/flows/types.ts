/** The flows API's shapes, from the server's OpenAPI schema (src/lib/api-types.ts). */
import type { ApiSchema, Sent } from '@/lib/api-types'

/** A flow in `/api/flows/` (list items carry no stops). */
export type FlowListItem = Sent<'FlowListItem'>

/** A stop as PiFlow's flow JSON spells it (property values may come as any JSON). */
export type PiflowStop = ApiSchema<'PiflowStop'>

/** A path: `from`'s `outport` to `to`'s `inport` (`""` = the default port). */
export type PiflowPath = ApiSchema<'PiflowPath'>

/** `GET /api/flows/<id>/`: one flow with its stops (sensitive values masked), paths and positions. */
export type Flow = Sent<'Flow'>

/** PiFlow's own flow JSON (`{"flow": {...}}`), as export gives it. */
export type PiflowFlow = ApiSchema<'PiflowFlow'>

/** The flow's info, as the list's dialog and the canvas's panel edit it. */
export type FlowInfo = Pick<Flow, 'name' | 'description' | 'driver_memory' | 'executor_number' | 'executor_memory' | 'executor_cores'>

/** Spark resources a new flow starts with. */
export const DEFAULT_FLOW_INFO: FlowInfo = {
  name: '',
  description: '',
  driver_memory: '1g',
  executor_number: 1,
  executor_memory: '1g',
  executor_cores: 1,
}

export const FLOW_PAGE_SIZE = 20
