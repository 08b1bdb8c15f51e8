import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import { ME_QUERY_KEY } from '@/lib/query-client'

/** `POST /api/auth/logout`: ends the session. */
export function logout(): Promise<void> {
  return api.post('/api/auth/logout')
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear()
      queryClient.setQueryData(ME_QUERY_KEY, null)
    },
  })
}
