import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Process } from '../types'

/** `POST /api/processes/<id>/stop/`: a queued run ends KILLED at once, a running one is interrupted. */
export function stopProcess(id: string): Promise<Process> {
  return api.post(`/api/processes/${encodeURIComponent(id)}/stop/`)
}

export function useStopProcess() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: stopProcess,
    onSuccess: (process) => {
      queryClient.setQueryData(['processes', 'detail', process.id], process)
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
    },
  })
}
