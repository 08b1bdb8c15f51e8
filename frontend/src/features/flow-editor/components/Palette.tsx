import { useReactFlow, useStoreApi } from '@xyflow/react'
import { memo, useCallback, useDeferredValue, useMemo, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { CanvasEdge, CanvasNode, StopDescriptor } from '@/features/canvas-core'
import { STOP_DRAG_TYPE } from '../model/drag'
import { paletteGroups } from '../model/palette'
import { useEditorStore } from '../store/editor-store-context'

const PaletteItem = memo(function PaletteItem({
  descriptor,
  onAdd,
}: {
  descriptor: StopDescriptor
  onAdd: (descriptor: StopDescriptor) => void
}) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(STOP_DRAG_TYPE, descriptor.bundle)
    event.dataTransfer.effectAllowed = 'copy'
  }
  return (
    <li>
      <button
        type="button"
        className="palette-item"
        draggable
        onDragStart={onDragStart}
        onDoubleClick={() => onAdd(descriptor)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            onAdd(descriptor)
          }
        }}
        title={descriptor.description}
        data-bundle={descriptor.bundle}
      >
        <span className="palette-item-name">{descriptor.name}</span>
        <span className="palette-item-description">{descriptor.description}</span>
      </button>
    </li>
  )
})

/** The stop groups, searchable; drag a stop onto the canvas (or double-click it, or press Enter). */
export function Palette({ descriptors }: { descriptors: readonly StopDescriptor[] }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search)
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set())
  const groups = useMemo(() => paletteGroups(descriptors, query), [descriptors, query])
  const addStop = useEditorStore((s) => s.addStop)
  const { screenToFlowPosition } = useReactFlow()
  const flow = useStoreApi<CanvasNode, CanvasEdge>()

  /** Without a drag: the stop lands in the middle of this editor's visible canvas. */
  const onAdd = useCallback(
    (descriptor: StopDescriptor) => {
      const pane = flow.getState().domNode?.getBoundingClientRect()
      const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 }
      const point = screenToFlowPosition(center)
      addStop(descriptor, { x: Math.round(point.x - 95), y: Math.round(point.y - 30) })
    },
    [flow, addStop, screenToFlowPosition],
  )

  const toggle = (name: string) =>
    setClosed((current) => {
      const next = new Set(current)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })

  return (
    <aside className="editor-palette" aria-label={t('canvas.palette.title')}>
      <div className="palette-search">
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('canvas.palette.search')}
          aria-label={t('canvas.palette.search')}
        />
        <p className="palette-hint muted">{t('canvas.palette.hint')}</p>
      </div>
      <div className="palette-groups">
        {groups.length === 0 && <p className="muted palette-empty">{t('canvas.palette.empty')}</p>}
        {groups.map((group) => {
          const open = query.trim() !== '' || !closed.has(group.name)
          return (
            <section key={group.name} className="palette-group">
              <button
                type="button"
                className="palette-group-title"
                aria-expanded={open}
                onClick={() => toggle(group.name)}
              >
                <span className="caret-icon" aria-hidden="true">
                  {open ? '▾' : '▸'}
                </span>
                <span className="palette-group-name">{group.label || t('canvas.palette.ungrouped')}</span>
                <span className="palette-group-count">{group.stops.length}</span>
              </button>
              {open && (
                <ul className="palette-items">
                  {group.stops.map((descriptor) => (
                    <PaletteItem key={descriptor.bundle} descriptor={descriptor} onAdd={onAdd} />
                  ))}
                </ul>
              )}
            </section>
          )
        })}
      </div>
    </aside>
  )
}
