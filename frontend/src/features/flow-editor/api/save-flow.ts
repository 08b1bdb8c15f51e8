import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { ApiSchema } from '@/lib/api-types'
import type { FlowGraph } from '@/features/canvas-core'
import type { Flow, FlowInfo } from '@/features/flows'

export type FlowSave = { id: number; revision: number; flow: FlowGraph & FlowInfo }

/**
 * `PUT /api/flows/<id>/` based on `revision`: the whole canvas (stops, paths, positions,
 * checkpoints) and the flow's info. A stale revision is refused with 409 and the current one in
 * the body; masked values (`******`) sent back unchanged keep the stored secret.
 */
export function saveFlow({ id, revision, flow }: FlowSave): Promise<Flow> {
  const body: ApiSchema<'FlowPut'> = { ...flow, revision }
  return api.put(`/api/flows/${id}/`, body)
}

export function useSaveFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveFlow,
    onSuccess: (flow) => {
      queryClient.setQueryData(['flows', 'detail', flow.id], flow)
      void queryClient.invalidateQueries({ queryKey: ['flows', 'list'] })
    },
  })
}
