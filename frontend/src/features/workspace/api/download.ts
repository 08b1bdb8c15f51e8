import { buildUrl } from '@/lib/api-client'

/** `GET /api/files/download/?path=`: the file as an attachment (a plain link: the browser saves it). */
export function downloadUrl(path: string): string {
  return buildUrl('/api/files/download/', { path })
}
