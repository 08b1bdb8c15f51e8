import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { ApiSchema } from '@/lib/api-types'
import type { Flow, FlowInfo } from '../types'

/** `POST /api/flows/`: a new (empty) flow; it may be a draft the engine would still refuse. */
export function createFlow(info: FlowInfo): Promise<Flow> {
  const body: ApiSchema<'FlowCreate'> = info
  return api.post('/api/flows/', body)
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
