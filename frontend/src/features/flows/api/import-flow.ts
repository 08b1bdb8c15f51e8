import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, ApiError } from '@/lib/api-client'
import type { Flow } from '../types'

/**
 * `POST /api/flows/import/`: a new flow from PiFlow flow JSON. `data` is the user's file as read,
 * unchecked (so `unknown`, not `PiflowFlow`): the server says what is wrong with it.
 */
export function importFlow(data: unknown): Promise<Flow> {
  return api.post('/api/flows/import/', data)
}

/** The file's JSON, or an ApiError-shaped refusal (status 400) the form can show like the server's. */
export async function readJsonFile(file: File, invalidMessage: string): Promise<unknown> {
  const text = await file.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError(400, invalidMessage)
  }
}

export function useImportFlow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: importFlow,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['flows'] })
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    },
  })
}
