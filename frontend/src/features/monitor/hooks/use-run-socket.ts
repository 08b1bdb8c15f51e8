import { useEffect, useRef, useState } from 'react'

import type { SocketMessage } from '../types'

/**
 * `connecting`: the first attempt; `open`: events arrive live; `reconnecting`: the connection
 * dropped and a new attempt is scheduled (with backoff); `denied`: the server refused (4403 not
 * logged in, 4404 not this user's run or gone) and no new attempt is made; `off`: not wanted
 * (the run has finished).
 */
export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'denied' | 'off'

export const CLOSE_FORBIDDEN = 4403
export const CLOSE_NOT_FOUND = 4404

/** Delay before reconnect attempt `attempt` (1, 2, ...): 0.5 s doubling to 15 s, plus up to 20 % jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base * (1 + 0.2 * random()))
}

export function socketUrl(id: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/ws/processes/${encodeURIComponent(id)}/`
}

/**
 * The run's WebSocket while `enabled`: every message (a `snapshot` first on each connection, so a
 * reconnect resyncs, then events) goes to `onMessage`. A dropped connection is retried with
 * backoff until the server refuses or `enabled` turns false.
 */
export function useRunSocket(id: string, enabled: boolean, onMessage: (message: SocketMessage) => void): SocketStatus {
  const [status, setStatus] = useState<SocketStatus>(enabled ? 'connecting' : 'off')
  const handler = useRef(onMessage)

  useEffect(() => {
    handler.current = onMessage
  }, [onMessage])

  useEffect(() => {
    if (!enabled || typeof WebSocket === 'undefined') return
    let socket: WebSocket | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let attempt = 0
    let disposed = false

    const connect = () => {
      setStatus(attempt === 0 ? 'connecting' : 'reconnecting')
      const current = new WebSocket(socketUrl(id))
      socket = current
      current.onopen = () => {
        attempt = 0
        setStatus('open')
      }
      current.onmessage = (event: MessageEvent) => {
        let message: SocketMessage
        try {
          message = JSON.parse(String(event.data)) as SocketMessage
        } catch {
          return
        }
        if (message && typeof message === 'object' && 'kind' in message) handler.current(message)
      }
      current.onclose = (event: CloseEvent) => {
        if (socket === current) socket = null
        if (disposed) return
        if (event.code === CLOSE_FORBIDDEN || event.code === CLOSE_NOT_FOUND) {
          setStatus('denied')
          return
        }
        attempt += 1
        setStatus('reconnecting')
        timer = setTimeout(connect, reconnectDelay(attempt))
      }
    }
    connect()
    return () => {
      disposed = true
      clearTimeout(timer)
      if (socket) {
        socket.onclose = null
        socket.close()
      }
    }
  }, [id, enabled])

  return enabled && typeof WebSocket !== 'undefined' ? status : 'off'
}
