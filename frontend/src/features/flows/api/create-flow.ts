import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Flow, FlowInfo } from '../types'

/** `POST /api/flows/`: a new (empty) flow; it may be a draft the engine would still refuse. */
export function createFlow(info: FlowInfo): Promise<Flow> {
  return api.post('/api/flows/', info)
}

export function useCreateFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createFlow,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['flows'] })
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    },
  })
}
