import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'

import { links } from '@/app/paths'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { PageHeader } from '@/components/PageHeader'
import { descriptorIndex, positionsOf, type StopDescriptor } from '@/features/canvas-core'
import { flowQueryOptions, type Flow } from '@/features/flows'
import { useRerunProcess, useStopProcess, type Process } from '@/features/processes'
import { useStopDescriptors } from './api/get-stop-descriptors'
import { CheckpointDialog } from './components/CheckpointDialog'
import { DebugPanel } from './components/DebugPanel'
import { MonitorGraph } from './components/MonitorGraph'
import { RunSummary } from './components/RunSummary'
import { SidePanel } from './components/SidePanel'
import { useNow } from './hooks/use-now'
import type { SocketStatus } from './hooks/use-run-socket'
import { useRunMonitor } from './hooks/use-run-view'
import { buildRunGraph, dressGraph, type RunShape, type Selection } from './model/graph'
import type { XY } from './model/layout'
import { isFinishedState, type RunView } from './model/run-view'
import './monitor.css'

/** `/processes/:id`: one run, live. Its state belongs to that run, hence the key. */
export function MonitorPage() {
  const { id = '' } = useParams()
  return <RunMonitor key={id} id={id} />
}

/** Where the flow's canvas puts each stop (a stable function: the query keeps its result). */
const selectPositions = (flow: Flow) => positionsOf(flow.positions)

function RunMonitor({ id }: { id: string }) {
  const { process, view, socket } = useRunMonitor(id)
  const flowId = process.data?.flow ?? null
  // Where the flow's canvas puts each stop; a deleted or unreadable flow means an automatic layout.
  const flow = useQuery({ ...flowQueryOptions(flowId ?? 0), enabled: flowId !== null, retry: false, select: selectPositions })
  const descriptors = useStopDescriptors()
  const ready = process.data && (flowId === null || !flow.isPending) && !descriptors.isPending

  if (process.isError && !process.data) return <ErrorBanner error={process.error} />
  if (!ready || !view) return <Loading />
  return (
    <RunMonitorPage
      process={process.data}
      view={view}
      socket={socket}
      positions={flow.data ?? null}
      descriptors={descriptors.data}
      refreshError={process.error}
    />
  )
}

type PageProps = {
  process: Process
  view: RunView
  socket: SocketStatus
  positions: Record<string, XY> | null
  descriptors: StopDescriptor[] | undefined
  refreshError: unknown
}

function RunMonitorPage({ process, view, socket, positions, descriptors, refreshError }: PageProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [selected, setSelected] = useState<Selection>(null)
  const [resumeOpen, setResumeOpen] = useState(false)
  const stop = useStopProcess()
  const rerun = useRerunProcess()
  const finished = isFinishedState(view.state)
  const now = useNow(!finished)

  // The drawing of the flow that ran: rebuilt only when the flow, its positions or the descriptors
  // change, not when a stop's state or a path's rows do (those only dress it).
  const stopsKey = JSON.stringify(process.stops.map((s) => [s.name, s.bundle, s.checkpoint]))
  const pathsKey = JSON.stringify(process.paths.map((p) => [p.from, p.outport, p.inport, p.to]))
  const shape = useMemo<RunShape>(() => {
    const stops = JSON.parse(stopsKey) as [string, string, boolean][]
    const runPaths = JSON.parse(pathsKey) as [string, string, string, string][]
    return {
      stops: stops.map(([name, bundle, checkpoint]) => ({ name, bundle, checkpoint })),
      paths: runPaths.map(([from, outport, inport, to]) => ({ from, outport, inport, to })),
    }
  }, [stopsKey, pathsKey])
  const index = useMemo(() => (descriptors ? descriptorIndex(descriptors) : undefined), [descriptors])
  const edgeLabel = useCallback((from: string, to: string) => t('monitor.graph.edgeLabel', { from, to }), [t])
  const graph = useMemo(
    () => buildRunGraph(process.spec, shape, positions, index, edgeLabel),
    [process.spec, shape, positions, index, edgeLabel],
  )
  const dressed = useMemo(() => dressGraph(graph, view, selected), [graph, view, selected])

  const select = useCallback((selection: Selection) => setSelected(selection), [])
  const selectedEdge = selected?.kind === 'path' ? dressed.edges.find((e) => e.data.index === selected.index) : undefined
  const hasCheckpoints = process.stops.some((s) => s.checkpoint)
  const name = process.flow_name ?? process.name

  return (
    <div className="monitor">
      <PageHeader
        title={name}
        subtitle={view.mode === 'DEBUG' ? <span className="badge badge-debug">{t('monitor.debugRun')}</span> : undefined}
        actions={
          <>
            {!finished && (
              <button
                type="button"
                className="btn btn-danger"
                disabled={stop.isPending || process.cancel_requested}
                onClick={() => stop.mutate(process.id)}
              >
                {stop.isPending || process.cancel_requested ? t('monitor.actions.stopping') : t('monitor.actions.stop')}
              </button>
            )}
            {finished && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={rerun.isPending}
                onClick={() => rerun.mutate(process.id, { onSuccess: (next) => navigate(links.process(next.id)) })}
              >
                {rerun.isPending ? t('monitor.actions.starting') : t('monitor.actions.rerun')}
              </button>
            )}
            {finished && hasCheckpoints && (
              <button type="button" className="btn" onClick={() => setResumeOpen(true)}>
                {t('monitor.actions.resume')}
              </button>
            )}
            <Link className="btn" to={links.processLog(process.id)}>
              {t('monitor.openLog')}
            </Link>
            {process.flow !== null && (
              <Link className="btn" to={links.flowEdit(process.flow)}>
                {t('monitor.openCanvas')}
              </Link>
            )}
          </>
        }
      />
      <ErrorBanner error={stop.error ?? rerun.error} title={t('monitor.actions.failed')} />
      <ErrorBanner error={refreshError} />
      <RunSummary view={view} now={now} socket={socket} cancelRequested={process.cancel_requested} />
      <div className="monitor-main">
        {dressed.nodes.length === 0 ? (
          <div className="card empty-state monitor-graph">
            <p>{t('monitor.graph.empty')}</p>
          </div>
        ) : (
          <MonitorGraph graph={dressed} onSelect={select} />
        )}
        <SidePanel process={process} view={view} edges={dressed.edges} selected={selected} now={now} onSelect={select} />
      </div>
      {selectedEdge && (
        <DebugPanel processId={process.id} view={view} edge={selectedEdge} onClose={() => setSelected(null)} />
      )}
      {resumeOpen && (
        <CheckpointDialog
          processId={process.id}
          onClose={() => setResumeOpen(false)}
          onStarted={(next) => {
            setResumeOpen(false)
            navigate(links.process(next.id))
          }}
        />
      )}
    </div>
  )
}
