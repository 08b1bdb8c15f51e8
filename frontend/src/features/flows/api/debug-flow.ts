import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Process } from '@/features/processes'

/** `POST /api/flows/<id>/debug/`: a run that keeps a sample of the rows on every path. */
export function debugFlow(id: number): Promise<Process> {
  return api.post(`/api/flows/${id}/debug/`)
}

export function useDebugFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: debugFlow,
    onSuccess: (process) => {
      queryClient.setQueryData(['processes', 'detail', process.id], process)
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
    },
  })
}
