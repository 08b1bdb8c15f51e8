import { useMutation } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { PiflowFlow } from '../types'

/** `GET /api/flows/<id>/export/`: PiFlow flow JSON (`{"flow": {...}}`), sensitive values masked. */
export function exportFlow(id: number): Promise<PiflowFlow> {
  return api.get(`/api/flows/${id}/export/`)
}

/** Save `data` as a JSON file through the browser's download. */
export function downloadJson(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function exportFilename(name: string): string {
  const safe = name.trim().replace(/[\\/:*?"<>|\s]+/g, '_') || 'flow'
  return `${safe}.json`
}

export function useExportFlow() {
  return useMutation({
    mutationFn: async ({ id, name }: { id: number; name: string }) => {
      downloadJson(await exportFlow(id), exportFilename(name))
    },
  })
}
