import { useEffect, useRef, useState } from 'react'

import { getProcessLog } from '../api/get-process-log'
import { isApiError } from '@/lib/api-client'

export const LOG_POLL_MS = 1_000

type LogState = { id: string; text: string; error: unknown; loaded: boolean }

/**
 * A run's whole log, read in chunks from `?offset=` and followed once a second while the run
 * goes on; after it ends, one last read picks up the final lines. A 404 before the run has
 * written anything is "no log yet", not an error.
 */
export function useLogFollow(id: string, running: boolean) {
  const [state, setState] = useState<LogState>({ id, text: '', error: null, loaded: false })
  const runningRef = useRef(running)

  useEffect(() => {
    runningRef.current = running
  }, [running])

  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let offset = 0
    let finalRead = false
    const update = (change: (old: LogState) => Partial<LogState>) =>
      setState((old) => {
        const current = old.id === id ? old : { id, text: '', error: null, loaded: false }
        return { ...current, ...change(current) }
      })

    const tick = async () => {
      try {
        const chunk = await getProcessLog(id, offset, controller.signal)
        if (controller.signal.aborted) return
        offset = chunk.next_offset
        update((old) => ({ text: old.text + chunk.log, error: null }))
        if (chunk.more) {
          timer = setTimeout(tick, 0)
          return
        }
      } catch (caught) {
        if (controller.signal.aborted) return
        if (!isApiError(caught, 404)) update(() => ({ error: caught }))
      }
      update(() => ({ loaded: true }))
      if (runningRef.current) {
        timer = setTimeout(tick, LOG_POLL_MS)
      } else if (!finalRead) {
        finalRead = true
        timer = setTimeout(tick, LOG_POLL_MS)
      }
    }
    void tick()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [id])

  const current = state.id === id ? state : { text: '', error: null, loaded: false }
  return { text: current.text, error: current.error, loaded: current.loaded }
}
