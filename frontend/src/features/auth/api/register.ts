import { useMutation } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { Registration, User } from '../types'

/** `POST /api/auth/register`: a new ordinary user; 400 with `fields` (taken name, weak password). */
export function register(registration: Registration): Promise<User> {
  return api.post('/api/auth/register', registration)
}

export function useRegister() {
  return useMutation({ mutationFn: register })
}
