import { api } from '@/lib/api-client'
import type { ProcessLogChunk } from '../types'

/** `GET /api/processes/<id>/log/?offset=`: the log from byte `offset` (at most 1 MiB a call). */
export function getProcessLog(id: string, offset: number, signal?: AbortSignal): Promise<ProcessLogChunk> {
  return api.get(`/api/processes/${encodeURIComponent(id)}/log/`, { offset }, signal)
}
