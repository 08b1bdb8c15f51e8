/**
 * What the run's WebSocket (`ws/processes/<id>/`, flows/consumers.py) sends: first a `snapshot`,
 * then events, every event with the same keys (flows/events.py `event_payload`).
 *
 * These are written by hand: the WebSocket is not part of the OpenAPI schema (it describes HTTP
 * only), so nothing can be generated for it. The HTTP shapes below come from the schema.
 */
import type { ApiSchema } from '@/lib/api-types'


export type EventKind = 'run_state' | 'stop_state' | 'port_rows'

export type RunEvent = {
  kind: EventKind
  process: string
  state: string | null
  stop: string | null
  port: string | null
  rows: number | null
  message: string
  /** ISO 8601; when the event happened. */
  time: string | null
  /** 0-100: finished stops over all stops, after this event. */
  progress: number | null
}

export type SnapshotStop = {
  name: string
  bundle: string
  state: string
  started_at: string | null
  ended_at: string | null
  error: string
}

export type SnapshotPath = {
  from: string
  outport: string
  inport: string
  to: string
  rows: number | null
}

export type Snapshot = {
  kind: 'snapshot'
  process: {
    id: string
    name: string
    state: string
    progress: number
    error: string
    mode: string
    created_at: string | null
    started_at: string | null
    ended_at: string | null
  }
  stops: SnapshotStop[]
  paths: SnapshotPath[]
  time: string | null
}

export type SocketMessage = Snapshot | RunEvent

/**
 * `GET /api/processes/<id>/debug/`: the schema and one page of the rows a debug run kept on a port.
 * The OpenAPI schema types `schema` as a free-form object; it is Spark's, typed here by hand.
 */
export type DebugPage = Omit<ApiSchema<'ProcessDebug'>, 'schema'> & { schema: SparkSchema }

/** Spark's JSON schema of a port's rows: `{type: 'struct', fields: [{name, type, nullable, metadata}]}`. */
export type SparkSchema = { type?: string; fields?: SchemaField[] }

export type SchemaField = {
  name: string
  type: unknown
  nullable?: boolean
}
