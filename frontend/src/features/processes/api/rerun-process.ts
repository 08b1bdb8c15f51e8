import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Process } from '../types'

/** `POST /api/processes/<id>/rerun/`: the same snapshot again, as a new run. */
export function rerunProcess(id: string): Promise<Process> {
  return api.post(`/api/processes/${encodeURIComponent(id)}/rerun/`)
}

export function useRerunProcess() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: rerunProcess,
    onSuccess: (process) => {
      queryClient.setQueryData(['processes', 'detail', process.id], process)
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    },
  })
}
