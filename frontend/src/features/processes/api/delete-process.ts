import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'

/** `DELETE /api/processes/<id>/`: a finished run; 409 while it is queued or running. */
export function deleteProcess(id: string): Promise<void> {
  return api.delete(`/api/processes/${encodeURIComponent(id)}/`)
}

export function useDeleteProcess() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteProcess,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: ['processes', 'detail', id] })
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    },
  })
}
