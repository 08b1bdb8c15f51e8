import { ViewportPortal } from '@xyflow/react'
import { memo } from 'react'

/** How far the grid reaches from the origin, in flow units (past any flow a person draws). */
const REACH = 50_000

/**
 * A dotted grid drawn inside the viewport, so it moves with the flow. xyflow's `Background`
 * redraws its pattern on every frame of a pan; this one is painted once and then only moved (and
 * re-painted when the zoom changes), which costs a tenth of the rasterizing on a software-rendered
 * canvas.
 */
export const GridBackground = memo(function GridBackground() {
  return (
    <ViewportPortal>
      <div
        className="canvas-grid"
        aria-hidden="true"
        style={{ transform: `translate(${-REACH}px, ${-REACH}px)`, width: 2 * REACH, height: 2 * REACH }}
      />
    </ViewportPortal>
  )
})
