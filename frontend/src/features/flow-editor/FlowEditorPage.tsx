import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useLayoutEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'

import { ConfirmDialog } from '@/components/ConfirmDialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import type { StopDescriptor } from '@/features/canvas-core'
import { useFlow } from '@/features/flows/api/get-flow'
import type { Flow } from '@/features/flows/types'
import { useStops } from './api/get-stops'
import { Canvas } from './components/Canvas'
import { ConflictDialog } from './components/ConflictDialog'
import { EditorToolbar } from './components/EditorToolbar'
import { Palette } from './components/Palette'
import { SidePanel } from './components/SidePanel'
import { useEditorActions } from './hooks/use-editor-actions'
import { useEditorShortcuts, useWarnUnsaved } from './hooks/use-editor-shortcuts'
import { useEditorStore } from './store/editor-store'
import './editor.css'

/** `/flows/:id/edit`: the palette, the canvas and the panel, once the flow and the stop catalogue are in. */
export function FlowEditorPage() {
  const { id } = useParams()
  const flowId = Number(id)
  const flow = useFlow(flowId)
  const stops = useStops()
  if (flow.isError) return <ErrorBanner error={flow.error} />
  if (stops.isError) return <ErrorBanner error={stops.error} />
  if (flow.isPending || stops.isPending) return <Loading />
  return (
    <ReactFlowProvider>
      <Editor key={flowId} flow={flow.data} descriptors={stops.data} />
    </ReactFlowProvider>
  )
}

function Editor({ flow, descriptors }: { flow: Flow; descriptors: StopDescriptor[] }) {
  const { t } = useTranslation()
  // Load once per visit (before the first paint); background refetches of the flow must not wipe
  // the user's edits. `visit` tells this visit's state (reloads after a conflict included) from
  // what an earlier visit left in the store.
  const [visit] = useState(() => ({}))
  useLayoutEffect(() => {
    if (useEditorStore.getState().visit !== visit) useEditorStore.getState().load(flow, descriptors, visit)
  }, [flow, descriptors, visit])
  const ready = useEditorStore((s) => s.visit === visit)
  useEffect(() => {
    // The catalogue in another language (a switch in the header): new texts, same canvas.
    const state = useEditorStore.getState()
    if (ready && state.catalogue !== descriptors) state.setDescriptors(descriptors)
  }, [ready, descriptors])
  const actions = useEditorActions(flow.id)
  useEditorShortcuts(actions.save)
  const leaving = useWarnUnsaved()
  if (!ready) return <Loading />
  return (
    <div className="flow-editor">
      <EditorToolbar actions={actions} />
      {actions.error ? (
        <div className="editor-error">
          <ErrorBanner error={actions.error} title={t('canvas.toolbar.failed')} />
          <button type="button" className="btn btn-small" onClick={actions.dismissError}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <div className="flow-editor-body">
        <Palette descriptors={descriptors} />
        <Canvas />
        <SidePanel />
      </div>
      {leaving.state === 'blocked' && (
        <ConfirmDialog
          title={t('canvas.leave.title')}
          message={t('canvas.leave.body')}
          confirmLabel={t('canvas.leave.confirm')}
          onConfirm={() => leaving.proceed()}
          onCancel={() => leaving.reset()}
        />
      )}
      {actions.conflict !== null && (
        <ConflictDialog
          revision={actions.conflict}
          onReload={() => void actions.reload()}
          onOverwrite={() => void actions.overwrite()}
          onClose={actions.dismissConflict}
        />
      )}
    </div>
  )
}
