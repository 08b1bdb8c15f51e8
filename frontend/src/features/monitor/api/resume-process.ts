import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { ApiSchema } from '@/lib/api-types'
import type { Process } from '@/features/processes'

export type ResumeInput = { id: string; checkpoints: string[] }

/** `POST /api/processes/<id>/resume/`: a new run of the same snapshot, the given stops loaded from this run's checkpoints. */
export function resumeProcess({ id, checkpoints }: ResumeInput): Promise<Process> {
  const body: ApiSchema<'ProcessResume'> = { checkpoints }
  return api.post(`/api/processes/${encodeURIComponent(id)}/resume/`, body)
}

export function useResumeProcess() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resumeProcess,
    onSuccess: (process) => {
      queryClient.setQueryData(['processes', 'detail', process.id], process)
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    },
  })
}
