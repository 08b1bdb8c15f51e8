/**
 * The stop node's fixed geometry, in pixels. `canvas.css` draws the node with exactly these sizes
 * (keep them in step), so where every handle sits is known before the browser lays a node out.
 *
 * Why it matters: xyflow renders every node it has never measured, even with
 * `onlyRenderVisibleElements`, to learn where its handles are. Handing it the handles up front
 * (`node.handles`) lets a 1,000-stop flow open by drawing only the few dozen stops in view.
 */
import { Position, type NodeHandle } from '@xyflow/react'

import type { PortHandle, StopNodeData } from './types'

export const NODE = {
  width: 190,
  borderTop: 1,
  borderBottom: 1,
  borderLeft: 4,
  borderRight: 1,
  header: 24,
  kind: 22,
  portsBorder: 1,
  portsPadding: 3,
  row: 16,
  rowGap: 2,
  handle: 10,
} as const

const PORTS_TOP = NODE.borderTop + NODE.header + NODE.kind + NODE.portsBorder + NODE.portsPadding

/** The height of a node with `rows` port rows (its error line, if any, not counted). */
export function nodeHeight(rows: number): number {
  const ports = rows > 0 ? NODE.portsBorder + 2 * NODE.portsPadding + rows * NODE.row + (rows - 1) * NODE.rowGap : 0
  return NODE.borderTop + NODE.header + NODE.kind + ports + NODE.borderBottom
}

function handlesOf(ports: readonly PortHandle[], type: 'source' | 'target'): NodeHandle[] {
  const centerX = type === 'target' ? NODE.borderLeft : NODE.width - NODE.borderRight
  return ports.map((port, i) => ({
    id: port.id,
    type,
    position: type === 'target' ? Position.Left : Position.Right,
    x: centerX - NODE.handle / 2,
    y: PORTS_TOP + i * (NODE.row + NODE.rowGap) + NODE.row / 2 - NODE.handle / 2,
    width: NODE.handle,
    height: NODE.handle,
  }))
}

/** Size and handle positions of a stop node, for the node object xyflow gets. */
export function nodeGeometry(data: Pick<StopNodeData, 'inputs' | 'outputs'>): {
  initialWidth: number
  initialHeight: number
  handles: NodeHandle[]
} {
  return {
    initialWidth: NODE.width,
    initialHeight: nodeHeight(Math.max(data.inputs.length, data.outputs.length)),
    handles: [...handlesOf(data.inputs, 'target'), ...handlesOf(data.outputs, 'source')],
  }
}
