import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useEditorStore } from '../store/editor-store-context'
import { FlowInfoPanel } from './FlowInfoPanel'
import { StopPanel, type StopTab } from './StopPanel'

/** The right panel: the flow when nothing is selected, else the selected stop. */
export function SidePanel() {
  const { t } = useTranslation()
  const selected = useEditorStore((s) => s.selected)
  const [tab, setTab] = useState<StopTab>('properties')
  return (
    <aside className="editor-panel" aria-label={selected ? t('canvas.stopPanel.title') : t('canvas.flowPanel.title')}>
      {selected ? <StopPanel name={selected} tab={tab} onTab={setTab} /> : <FlowInfoPanel />}
    </aside>
  )
}
