import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Process } from '@/features/processes'

/** `POST /api/flows/<id>/run/`: a new run of the flow as it is now; 400 with `problems` when invalid. */
export function runFlow(id: number): Promise<Process> {
  return api.post(`/api/flows/${id}/run/`)
}

export function useRunFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: runFlow,
    onSuccess: (process) => {
      queryClient.setQueryData(['processes', 'detail', process.id], process)
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
    },
  })
}
