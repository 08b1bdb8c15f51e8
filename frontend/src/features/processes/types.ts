/** Runs as `/api/processes/` serves them (flows/api/serializers.py). */
export type ProcessMode = 'RUN' | 'DEBUG'
export type Trigger = 'manual' | 'schedule' | 'api'

export type ProcessListItem = {
  id: string
  pid: string
  name: string
  flow: number | null
  /** The flow's current name; null once the flow is deleted. */
  flow_name: string | null
  owner: string
  parent: string | null
  mode: ProcessMode
  trigger: Trigger | string
  state: string
  progress: number
  error: string
  created_at: string
  started_at: string | null
  ended_at: string | null
}

export type ProcessStop = {
  name: string
  bundle: string
  state: string
  started_at: string | null
  ended_at: string | null
  duration: number | null
  error: string
  checkpoint: boolean
}

export type ProcessPath = {
  from: string
  outport: string
  inport: string
  to: string
  rows: number | null
}

export type Process = ProcessListItem & {
  cancel_requested: boolean
  stops: ProcessStop[]
  paths: ProcessPath[]
  spec: unknown
}

export type ProcessLogChunk = {
  log: string
  next_offset: number
  more: boolean
}

export const FINISHED_STATES = ['COMPLETED', 'FAILED', 'KILLED'] as const

export function isFinished(state: string): boolean {
  return (FINISHED_STATES as readonly string[]).includes(state)
}
