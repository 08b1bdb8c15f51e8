/** The workspace API's shapes, from the server's OpenAPI schema (src/lib/api-types.ts). */
import type { Sent } from '@/lib/api-types'

/** A file or folder of the workspace; `location` is its absolute path on the server. */
export type FileEntry = Sent<'FileEntry'>

/** `GET /api/files/?path=`: one page of a folder's entries, folders first. */
export type FolderPage = Sent<'FolderPage'>

export const FILE_PAGE_SIZE = 50
