import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import { ME_QUERY_KEY } from '@/lib/query-client'
import type { Credentials, LoggedIn, User } from '../types'

/** `POST /api/auth/login`: starts a session (cookie); 401 for a wrong user name or password. */
export function login(credentials: Credentials): Promise<LoggedIn> {
  return api.post('/api/auth/login', credentials)
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    onSuccess: (data) => {
      const user: User = { id: data.id, username: data.username, email: data.email, is_admin: data.is_admin }
      queryClient.setQueryData<User | null>(ME_QUERY_KEY, user)
    },
  })
}
