import { ApiError, readCookie } from '@/lib/api-client'
import type { FileEntry } from '../types'

export type UploadRequest = {
  file: File
  /** The folder, relative to the workspace. */
  folder: string
  /** Replace a file of the same name (else the server answers 409). */
  overwrite: boolean
  /** Sent as Accept-Language, so the server's messages come in the UI's language. */
  language: string
  onProgress: (loaded: number, total: number) => void
  signal: AbortSignal
}

function failure(request: XMLHttpRequest): ApiError {
  let body: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(request.responseText)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const message = typeof body.error === 'string' ? body.error : request.statusText || `HTTP ${request.status}`
  return new ApiError(request.status, message, body)
}

/**
 * `POST /api/files/upload/` (multipart), reporting the bytes sent as they go. XMLHttpRequest, not
 * fetch: only it reports an upload's progress. Fails with an {@link ApiError} like every request,
 * or an `AbortError` when `signal` aborts it.
 */
export function uploadFile({ file, folder, overwrite, language, onProgress, signal }: UploadRequest): Promise<FileEntry> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', '/api/files/upload/')
    request.setRequestHeader('Accept', 'application/json')
    request.setRequestHeader('Accept-Language', language)
    const token = readCookie('csrftoken')
    if (token) request.setRequestHeader('X-CSRFToken', token)
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size)
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText) as FileEntry)
      else reject(failure(request))
    }
    request.onerror = () => reject(new ApiError(0, 'network'))
    request.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'))
    signal.addEventListener('abort', () => request.abort(), { once: true })

    const form = new FormData()
    form.append('file', file)
    form.append('path', folder)
    form.append('overwrite', overwrite ? 'true' : 'false')
    request.send(form)
  })
}
