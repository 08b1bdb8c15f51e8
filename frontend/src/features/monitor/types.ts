/**
 * What the run's WebSocket (`ws/processes/<id>/`, flows/consumers.py) sends: first a `snapshot`,
 * then events, every event with the same keys (flows/events.py `event_payload`).
 */

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

/** `GET /api/processes/<id>/debug/`: the schema and one page of the rows a debug run kept on a port. */
export type DebugPage = {
  stop: string
  port: string
  /** Spark's JSON schema: `{type: 'struct', fields: [{name, type, nullable, metadata}]}`. */
  schema: { type?: string; fields?: SchemaField[] }
  columns: string[]
  rows: Record<string, unknown>[]
  offset: number
  limit: number
  /** Rows kept in the sample (what can be paged through). */
  sampled: number
  /** Rows that left the stop on this port; null when unknown. */
  total_rows: number | null
}

export type SchemaField = {
  name: string
  type: unknown
  nullable?: boolean
}
