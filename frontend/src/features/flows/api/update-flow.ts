import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { ApiSchema } from '@/lib/api-types'
import type { Flow, FlowInfo } from '../types'

export type FlowUpdate = { id: number; revision: number; fields: Partial<FlowInfo> }

/** `PATCH /api/flows/<id>/` based on `revision`: 409 when someone saved in between. */
export function updateFlow({ id, revision, fields }: FlowUpdate): Promise<Flow> {
  const body: ApiSchema<'FlowPatch'> = { ...fields, revision }
  return api.patch(`/api/flows/${id}/`, body)
}

export function useUpdateFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateFlow,
    onSuccess: (flow) => {
      queryClient.setQueryData(['flows', 'detail', flow.id], flow)
      void queryClient.invalidateQueries({ queryKey: ['flows', 'list'] })
    },
  })
}
