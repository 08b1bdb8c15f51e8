/** The canvas's selection: xyflow keeps a `selected` flag on each node and edge; the panel wants one stop. */
import type { CanvasEdge, CanvasNode } from '@/features/canvas-core'

/** The one selected stop, else `null` (nothing selected, or more than one thing). */
export function selectedOf(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): string | null {
  let found: string | null = null
  for (const node of nodes) {
    if (!node.selected) continue
    if (found !== null) return null
    found = node.id
  }
  if (found !== null && edges.some((edge) => edge.selected)) return null
  return found
}

/** `nodes` with only the stop `name` selected (none for `null`); unchanged nodes keep their object. */
export function selectOnly(nodes: CanvasNode[], name: string | null): CanvasNode[] {
  return nodes.map((node) => {
    const selected = node.id === name
    return Boolean(node.selected) === selected ? node : { ...node, selected }
  })
}

/** `edges` with none selected (the same array when none was). */
export function deselectEdges(edges: CanvasEdge[]): CanvasEdge[] {
  return edges.some((edge) => edge.selected) ? edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)) : edges
}
