import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Flow, FlowInfo } from '../types'

export type FlowUpdate = { id: number; revision: number; fields: Partial<FlowInfo> }

/** `PATCH /api/flows/<id>/` based on `revision`: 409 when someone saved in between. */
export function updateFlow({ id, revision, fields }: FlowUpdate): Promise<Flow> {
  return api.patch(`/api/flows/${id}/`, { ...fields, revision })
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
