import { useMutation, useQueryClient } from '@tanstack/react-query'

import { TOKENS_QUERY_KEY } from './get-tokens'
import { api } from '@/lib/api-client'

/** `DELETE /api/auth/tokens/<id>/`: the token stops working at once. */
export function revokeToken(id: number): Promise<void> {
  return api.delete(`/api/auth/tokens/${id}/`)
}

export function useRevokeToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY }),
  })
}
