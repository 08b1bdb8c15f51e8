import { useMutation, useQueryClient } from '@tanstack/react-query'

import { TOKENS_QUERY_KEY } from './get-tokens'
import { api } from '@/lib/api-client'
import type { NewApiToken } from '../types'

/** `POST /api/auth/tokens/`: a new named token; the answer holds its key, this once. */
export function createToken(name: string): Promise<NewApiToken> {
  return api.post('/api/auth/tokens/', { name })
}

export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY }),
  })
}
