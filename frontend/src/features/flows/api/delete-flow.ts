import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'

/** `DELETE /api/flows/<id>/`: its past runs stay. */
export function deleteFlow(id: number): Promise<void> {
  return api.delete(`/api/flows/${id}/`)
}

export function useDeleteFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteFlow,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: ['flows', 'detail', id] })
      void queryClient.invalidateQueries({ queryKey: ['flows', 'list'] })
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    },
  })
}
