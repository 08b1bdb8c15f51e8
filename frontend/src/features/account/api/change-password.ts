import { useMutation, useQueryClient } from '@tanstack/react-query'

import { TOKENS_QUERY_KEY } from './get-tokens'
import { api } from '@/lib/api-client'
import type { PasswordChange } from '../types'

/**
 * `POST /api/auth/password`: 400 with `fields` for a wrong current or a weak new password, 429
 * after too many tries. This session stays logged in; every other one and every token end.
 */
export function changePassword(change: PasswordChange): Promise<void> {
  return api.post('/api/auth/password', change)
}

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY }),
  })
}
