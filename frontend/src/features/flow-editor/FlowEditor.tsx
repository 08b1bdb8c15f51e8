import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useLayoutEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { useKeyboardScope, type StopDescriptor } from '@/features/canvas-core'
import { useFlow, type Flow } from '@/features/flows'
import { useStops } from './api/get-stops'
import { Canvas } from './components/Canvas'
import { ConflictDialog } from './components/ConflictDialog'
import { EditorToolbar } from './components/EditorToolbar'
import { LeaveGuard } from './components/LeaveGuard'
import { Palette } from './components/Palette'
import { SidePanel } from './components/SidePanel'
import { useEditorActions } from './hooks/use-editor-actions'
import { useEditorShortcuts } from './hooks/use-editor-shortcuts'
import { useWarnBeforeUnload } from './hooks/use-unsaved-guards'
import type { EditorStore } from './store/editor-store'
import { useEditorStore, useEditorStoreApi } from './store/editor-store-context'
import { EditorStoreProvider } from './store/EditorStoreProvider'
import './editor.css'

type Props = {
  flowId: number
  /**
   * The editor's store. By default the editor makes its own when it mounts; pass one (from
   * `createEditorStore`) to read or keep its state from outside (`useStore(store, selector)`).
   */
  store?: EditorStore
  /** Ask before the app's links leave unsaved changes: the route's page does; an embedding page decides for itself. */
  guardLeaving?: boolean
}

/**
 * The canvas editor of one flow: the palette, the canvas and the panel, with a state of its own, so
 * a page may hold several (a flow editor opened from the group canvas, beside another).
 */
export function FlowEditor({ flowId, store, guardLeaving = false }: Props) {
  return (
    <ReactFlowProvider>
      <EditorStoreProvider store={store}>
        <FlowLoader flowId={flowId} guardLeaving={guardLeaving} />
      </EditorStoreProvider>
    </ReactFlowProvider>
  )
}

/** The flow and the stop catalogue, then the editor. */
function FlowLoader({ flowId, guardLeaving }: { flowId: number; guardLeaving: boolean }) {
  const flow = useFlow(flowId)
  const stops = useStops()
  if (flow.isError) return <ErrorBanner error={flow.error} />
  if (stops.isError) return <ErrorBanner error={stops.error} />
  if (flow.isPending || stops.isPending) return <Loading />
  return <Editor flow={flow.data} descriptors={stops.data} guardLeaving={guardLeaving} />
}

function Editor({ flow, descriptors, guardLeaving }: { flow: Flow; descriptors: StopDescriptor[]; guardLeaving: boolean }) {
  const { t } = useTranslation()
  const store = useEditorStoreApi()
  // Load before the first paint, when the store holds another flow or none yet: background
  // refetches of the flow must not wipe the user's edits (a reload after a conflict is explicit).
  useLayoutEffect(() => {
    if (store.getState().flowId !== flow.id) store.getState().load(flow, descriptors)
  }, [store, flow, descriptors])
  const ready = useEditorStore((s) => s.flowId === flow.id)
  useEffect(() => {
    // The catalogue in another language (a switch in the header): new texts, same canvas.
    const state = store.getState()
    if (ready && state.catalogue !== descriptors) state.setDescriptors(descriptors)
  }, [store, ready, descriptors])
  const actions = useEditorActions(flow.id)
  const keyboard = useKeyboardScope()
  useEditorShortcuts(actions.save, keyboard.isActive)
  useWarnBeforeUnload()
  if (!ready) return <Loading />
  return (
    <div className="flow-editor" {...keyboard.handlers}>
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
      {guardLeaving && <LeaveGuard />}
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
