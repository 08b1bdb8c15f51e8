import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api } from '@/lib/api-client'
import { FILE_PAGE_SIZE, type FolderPage } from '../types'

export type FolderParams = { path: string; page: number }

/** `GET /api/files/?path=&page=`: a folder of the user's workspace, folders first, then by name. */
export function getFolder({ path, page }: FolderParams, signal?: AbortSignal): Promise<FolderPage> {
  return api.get('/api/files/', { path, page, page_size: FILE_PAGE_SIZE }, signal)
}

export const folderQueryOptions = (params: FolderParams) =>
  queryOptions({
    queryKey: ['workspace', 'folder', params],
    queryFn: ({ signal }) => getFolder(params, signal),
    placeholderData: keepPreviousData,
  })

export function useFolder(params: FolderParams) {
  return useQuery(folderQueryOptions(params))
}
