import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react'
import { memo, useMemo, useRef, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { CanvasNode } from './types'

const WIDTH = 200
const HEIGHT = 140

type Box = { x: number; y: number; width: number; height: number }

const selectNodes = (s: ReactFlowState) => s.nodes as CanvasNode[]
const selectView = (s: ReactFlowState) => {
  const [tx, ty, zoom] = s.transform
  return `${-tx / zoom},${-ty / zoom},${s.width / zoom},${s.height / zoom}`
}

/** One SVG path per colour for every stop: a thousand stops are three elements, not a thousand. */
function stopPaths(nodes: readonly CanvasNode[]): { bounds: Box | null; plain: string; invalid: string; selected: string } {
  let plain = ''
  let invalid = ''
  let selected = ''
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const node of nodes) {
    const { x, y } = node.position
    const w = node.measured?.width ?? node.width ?? node.initialWidth ?? 190
    const h = node.measured?.height ?? node.height ?? node.initialHeight ?? 60
    const rect = `M${Math.round(x)} ${Math.round(y)}h${Math.round(w)}v${Math.round(h)}h${-Math.round(w)}z`
    if (node.selected) selected += rect
    else if (node.data.error || node.data.status?.toUpperCase() === 'FAILED') invalid += rect
    else plain += rect
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x + w)
    maxY = Math.max(maxY, y + h)
  }
  const bounds = nodes.length ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null
  return { bounds, plain, invalid, selected }
}

/**
 * An overview of the whole flow with the visible part framed; click or drag in it to move there.
 * Drawn as a few SVG paths (xyflow's `MiniMap` draws one component per node, which costs more
 * than the canvas itself on a flow of 1,000 stops).
 */
export const FlowMiniMap = memo(function FlowMiniMap() {
  const { t } = useTranslation()
  const nodes = useStore(selectNodes)
  const view = useStore(selectView)
  const { getViewport, setCenter } = useReactFlow()
  const dragging = useRef(false)
  const paths = useMemo(() => stopPaths(nodes), [nodes])

  const [vx = 0, vy = 0, vw = 1, vh = 1] = view.split(',').map(Number)
  const b = paths.bounds
  const minX = Math.min(b?.x ?? vx, vx)
  const minY = Math.min(b?.y ?? vy, vy)
  const width = Math.max((b ? b.x + b.width : vx + vw), vx + vw) - minX
  const height = Math.max((b ? b.y + b.height : vy + vh), vy + vh) - minY
  const scale = Math.max(width / WIDTH, height / HEIGHT)
  const pad = 5 * scale
  const viewBox = {
    x: minX - (WIDTH * scale - width) / 2 - pad,
    y: minY - (HEIGHT * scale - height) / 2 - pad,
    width: WIDTH * scale + 2 * pad,
    height: HEIGHT * scale + 2 * pad,
  }

  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = viewBox.x + ((event.clientX - rect.left) / rect.width) * viewBox.width
    const y = viewBox.y + ((event.clientY - rect.top) / rect.height) * viewBox.height
    void setCenter(x, y, { zoom: getViewport().zoom })
  }

  return (
    <Panel position="bottom-right" className="flow-minimap">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        role="img"
        aria-label={t('canvas.a11y.minimap')}
        onPointerDown={(event) => {
          dragging.current = true
          event.currentTarget.setPointerCapture(event.pointerId)
          moveTo(event)
        }}
        onPointerMove={(event) => dragging.current && moveTo(event)}
        onPointerUp={() => {
          dragging.current = false
        }}
      >
        <path className="flow-minimap-stops" d={paths.plain} />
        <path className="flow-minimap-invalid" d={paths.invalid} />
        <path className="flow-minimap-selected" d={paths.selected} />
        <path
          className="flow-minimap-mask"
          fillRule="evenodd"
          d={`M${viewBox.x - pad} ${viewBox.y - pad}h${viewBox.width + 2 * pad}v${viewBox.height + 2 * pad}h${-viewBox.width - 2 * pad}z M${vx} ${vy}h${vw}v${vh}h${-vw}z`}
        />
        <rect className="flow-minimap-view" x={vx} y={vy} width={vw} height={vh} vectorEffect="non-scaling-stroke" />
      </svg>
    </Panel>
  )
})
