import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, buildUrl } from '@/lib/api-client'
import type { FileEntry } from '../types'

/** `DELETE /api/files/?path=`: a file, or a folder with everything in it. */
export function deleteEntry(entry: Pick<FileEntry, 'path' | 'is_dir'>): Promise<void> {
  return api.delete(buildUrl('/api/files/', { path: entry.path, recursive: entry.is_dir ? 'true' : undefined }))
}

export function useDeleteEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteEntry,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['workspace'] }),
  })
}
