import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import type { ApiSchema } from '@/lib/api-types'
import type { FileEntry } from '../types'

/** `POST /api/files/folders/`: a new folder (and the missing ones above it); 409 when it exists. */
export function createFolder(path: string): Promise<FileEntry> {
  const body: ApiSchema<'FolderCreate'> = { path }
  return api.post('/api/files/folders/', body)
}

export function useCreateFolder() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createFolder,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['workspace'] }),
  })
}
