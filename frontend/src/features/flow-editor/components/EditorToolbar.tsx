import { useReactFlow } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

import { paths } from '@/app/paths'
import type { EditorActions } from '../hooks/use-editor-actions'
import { useEditorStore } from '../store/editor-store-context'

/** Save, Run, Debug run, Undo, Redo, Fit; the flow's name and whether everything is saved. */
export function EditorToolbar({ actions }: { actions: EditorActions }) {
  const { t } = useTranslation()
  const name = useEditorStore((s) => s.info.name)
  const dirty = useEditorStore((s) => s.dirty)
  const canUndo = useEditorStore((s) => s.canUndo)
  const canRedo = useEditorStore((s) => s.canRedo)
  const undo = useEditorStore((s) => s.undo)
  const redo = useEditorStore((s) => s.redo)
  const { fitView } = useReactFlow()
  const busy = actions.saving || actions.starting
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('canvas.toolbar.label')}>
      <Link to={paths.flows} className="btn btn-small">
        {t('canvas.toolbar.back')}
      </Link>
      <h1 className="editor-title" title={name}>
        {name}
      </h1>
      <span className={`save-state${dirty ? ' save-state-dirty' : ''}`} role="status">
        {actions.saving ? t('common.saving') : dirty ? t('canvas.toolbar.unsaved') : t('canvas.toolbar.saved')}
      </span>
      <span className="toolbar-spacer" />
      <div className="button-group">
        <button type="button" className="btn btn-small" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title={t('canvas.toolbar.undoHint')}>
          {t('canvas.toolbar.undo')}
        </button>
        <button type="button" className="btn btn-small" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title={t('canvas.toolbar.redoHint')}>
          {t('canvas.toolbar.redo')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void fitView({ duration: 200, maxZoom: 1 })}>
          {t('canvas.toolbar.fit')}
        </button>
      </div>
      <div className="button-group">
        <button type="button" className="btn btn-small" onClick={() => void actions.debug()} disabled={busy}>
          {t('canvas.toolbar.debug')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void actions.run()} disabled={busy}>
          {t('canvas.toolbar.run')}
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={() => void actions.save()} disabled={busy} aria-keyshortcuts="Control+S">
          {t('canvas.toolbar.save')}
        </button>
      </div>
    </div>
  )
}
