import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useEffect, useReducer, useRef } from 'react'

import { processQueryOptions, type Process } from '@/features/processes'
import { isFinishedState, runReducer, snapshotOfProcess, type RunView } from '../model/run-view'
import type { SocketMessage } from '../types'
import { useRunSocket, type SocketStatus } from './use-run-socket'

/** How often the detail is read while the socket is down and the run goes on. */
export const FALLBACK_POLL_MS = 2_000

export type RunMonitor = {
  /** The run's detail (spec, flow, stops' bundles): loading, failed or there. */
  process: UseQueryResult<Process>
  /** The run as it is now: events over the socket, else the polled detail. */
  view: RunView | null
  socket: SocketStatus
}

/**
 * The run, live. The REST detail gives the first picture; the WebSocket then sends a snapshot and
 * every event (and a snapshot again after each reconnect). While the socket is down the detail is
 * polled and stands in for the snapshot, so the page never freezes on a stale state; once the run
 * has finished the socket is closed and the detail read once more (durations, checkpoints).
 *
 * Render it under `key={id}`: its state belongs to one run.
 */
export function useRunMonitor(id: string): RunMonitor {
  const queryClient = useQueryClient()
  const [view, dispatch] = useReducer(runReducer, null)
  const finished = view !== null && isFinishedState(view.state)
  const onMessage = useCallback((message: SocketMessage) => dispatch(message), [])
  const socket = useRunSocket(id, !finished, onMessage)

  const process = useQuery({
    ...processQueryOptions(id),
    refetchInterval: (query) =>
      socket !== 'open' && !finished && !isFinishedState(query.state.data?.state) ? FALLBACK_POLL_MS : false,
  })

  // The detail stands in for a snapshot while the socket cannot give one, and always once final
  // (it is then the last word). Only new detail data counts: a drop of the socket does not bring
  // back an older picture.
  const socketOpen = useRef(socket === 'open')
  useEffect(() => {
    socketOpen.current = socket === 'open'
  }, [socket])
  useEffect(() => {
    const data = process.data
    if (!data || data.id !== id) return
    if (!socketOpen.current || isFinishedState(data.state)) dispatch(snapshotOfProcess(data))
  }, [process.data, id])

  // The end arrived over the socket: read the detail once more, and refresh the lists.
  const endSeen = useRef(false)
  useEffect(() => {
    if (!finished || endSeen.current) return
    endSeen.current = true
    void queryClient.invalidateQueries({ queryKey: ['processes', 'detail', id] })
    void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] })
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
  }, [finished, id, queryClient])

  return { process, view: view && view.id === id ? view : null, socket }
}
