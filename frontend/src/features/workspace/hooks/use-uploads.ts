import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { uploadFile } from '../api/upload-file'

export type UploadStatus = 'uploading' | 'done' | 'failed' | 'cancelled'

/** One file on its way into a folder of the workspace. */
export type Upload = {
  id: number
  file: File
  folder: string
  loaded: number
  status: UploadStatus
  error: unknown
}

/**
 * The page's uploads: each file goes up on its own, reporting progress; a refused one keeps its
 * error (a 409 can be sent again to replace the file). Finished uploads refresh the folder lists;
 * leaving the page does not stop them.
 */
export function useUploads() {
  const queryClient = useQueryClient()
  const { i18n } = useTranslation()
  const [uploads, setUploads] = useState<Upload[]>([])
  const nextId = useRef(1)
  const running = useRef(new Map<number, AbortController>())

  const change = useCallback((id: number, fields: Partial<Upload>) => {
    setUploads((list) => list.map((upload) => (upload.id === id ? { ...upload, ...fields } : upload)))
  }, [])

  const send = useCallback(
    (upload: Upload, overwrite: boolean) => {
      const controller = new AbortController()
      running.current.set(upload.id, controller)
      change(upload.id, { status: 'uploading', loaded: 0, error: null })
      uploadFile({
        file: upload.file,
        folder: upload.folder,
        overwrite,
        language: i18n.language,
        signal: controller.signal,
        onProgress: (loaded) => change(upload.id, { loaded }),
      })
        .then(() => {
          change(upload.id, { status: 'done', loaded: upload.file.size })
          void queryClient.invalidateQueries({ queryKey: ['workspace'] })
        })
        .catch((error: unknown) => {
          const cancelled = error instanceof DOMException && error.name === 'AbortError'
          change(upload.id, cancelled ? { status: 'cancelled' } : { status: 'failed', error })
        })
        .finally(() => running.current.delete(upload.id))
    },
    [change, i18n.language, queryClient],
  )

  /** Upload ``files`` into ``folder``, each on its own. */
  const start = useCallback(
    (files: File[], folder: string) => {
      const added = files.map<Upload>((file) => ({
        id: nextId.current++,
        file,
        folder,
        loaded: 0,
        status: 'uploading',
        error: null,
      }))
      setUploads((list) => [...list, ...added])
      for (const upload of added) send(upload, false)
    },
    [send],
  )

  const replace = useCallback((upload: Upload) => send(upload, true), [send])
  const cancel = useCallback((upload: Upload) => running.current.get(upload.id)?.abort(), [])
  const dismiss = useCallback((upload: Upload) => setUploads((list) => list.filter((u) => u.id !== upload.id)), [])
  const clearFinished = useCallback(() => setUploads((list) => list.filter((u) => u.status === 'uploading')), [])

  return { uploads, start, replace, cancel, dismiss, clearFinished }
}
