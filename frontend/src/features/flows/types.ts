import type { Problem } from '@/lib/api-client'

/** A flow in `/api/flows/` (list items carry no stops). */
export type FlowListItem = {
  id: number
  uuid: string
  name: string
  description: string
  owner: string
  revision: number
  stop_count: number
  valid: boolean
  problems: Problem[]
  created_at: string
  updated_at: string
}

export type PiflowStop = {
  name: string
  bundle: string
  uuid?: string
  properties?: Record<string, unknown>
  customizedProperties?: Record<string, unknown>
}

export type PiflowPath = { from: string; outport: string; inport: string; to: string }

export type Flow = Omit<FlowListItem, 'stop_count'> & {
  driver_memory: string
  executor_number: number
  executor_memory: string
  executor_cores: number
  stops: PiflowStop[]
  paths: PiflowPath[]
  positions: Record<string, { x: number; y: number }>
  checkpoints: string[]
  environment: Record<string, string>
}

/** The flow's info as the list's dialog edits it. */
export type FlowInfo = {
  name: string
  description: string
  driver_memory: string
  executor_number: number
  executor_memory: string
  executor_cores: number
}

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
