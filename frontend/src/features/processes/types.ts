/** Runs as `/api/processes/` serves them (flows/api/serializers.py), from the server's OpenAPI schema. */
import type { ApiSchema, Sent } from '@/lib/api-types'

export type ProcessMode = ApiSchema<'ModeEnum'>
export type Trigger = ApiSchema<'TriggerEnum'>

/** A run in `/api/processes/`. */
export type ProcessListItem = Sent<'ProcessListItem'>

/** A stop of a run: its state, times and error. */
export type ProcessStop = ApiSchema<'ProcessStop'>

/** A path of a run, with the rows that crossed it. */
export type ProcessPath = ApiSchema<'ProcessPath'>

/** `GET /api/processes/<id>/`: one run with its stops, paths and the flow JSON that ran. */
export type Process = Sent<'Process'>

/** `GET /api/processes/<id>/log/?offset=`: the log from `offset` on. */
export type ProcessLogChunk = ApiSchema<'ProcessLog'>

export const FINISHED_STATES = ['COMPLETED', 'FAILED', 'KILLED'] as const

export function isFinished(state: string): boolean {
  return (FINISHED_STATES as readonly string[]).includes(state)
}
