/**
 * Where to draw a run's stops when its flow has no positions for them (an imported or API-made
 * flow, a deleted flow, a flow edited since the run): a left-to-right layered layout. Each stop
 * sits one layer right of its furthest upstream stop; within a layer stops are ordered by where
 * their upstream stops sit (one barycentre pass, which removes most crossings of ETL graphs), and
 * layers are centred on each other. Cycles (an invalid flow) do not hang it: the stops left over
 * go one layer further right, in flow order.
 */

export type XY = { x: number; y: number }

export type LayoutEdge = { from: string; to: string }

export type LayoutOptions = {
  /** Horizontal distance between the left edges of two layers. */
  columnWidth: number
  /** Vertical distance between the top edges of two stops in one layer. */
  rowHeight: number
}

export const DEFAULT_LAYOUT: LayoutOptions = { columnWidth: 280, rowHeight: 130 }

/** Layer (column) of every stop: 0 for sources, else one more than its furthest upstream stop. */
export function layersOf(names: string[], edges: LayoutEdge[]): Map<string, number> {
  const known = new Set(names)
  const incoming = new Map<string, string[]>(names.map((name) => [name, []]))
  const outgoing = new Map<string, string[]>(names.map((name) => [name, []]))
  for (const { from, to } of edges) {
    if (!known.has(from) || !known.has(to) || from === to) continue
    incoming.get(to)!.push(from)
    outgoing.get(from)!.push(to)
  }
  const pending = new Map(names.map((name) => [name, incoming.get(name)!.length]))
  const layer = new Map<string, number>()
  const queue = names.filter((name) => pending.get(name) === 0)
  for (const name of queue) layer.set(name, 0)
  for (let i = 0; i < queue.length; i += 1) {
    const name = queue[i]!
    for (const next of outgoing.get(name)!) {
      layer.set(next, Math.max(layer.get(next) ?? 0, layer.get(name)! + 1))
      const left = pending.get(next)! - 1
      pending.set(next, left)
      if (left === 0) queue.push(next)
    }
  }
  // Stops on a cycle never reach zero pending inputs: put them after everything placed.
  const placed = new Set(queue)
  const deepest = Math.max(-1, ...[...placed].map((name) => layer.get(name)!))
  for (const name of names) {
    if (!placed.has(name)) layer.set(name, deepest + 1)
  }
  return layer
}

/** Positions (top-left corners) for every stop in `names`. */
export function layeredLayout(
  names: string[],
  edges: LayoutEdge[],
  options: LayoutOptions = DEFAULT_LAYOUT,
): Record<string, XY> {
  const unique = [...new Set(names)]
  const layer = layersOf(unique, edges)
  const columns: string[][] = []
  for (const name of unique) (columns[layer.get(name)!] ??= []).push(name)

  const upstream = new Map<string, string[]>(unique.map((name) => [name, []]))
  for (const { from, to } of edges) upstream.get(to)?.push(from)

  // Order each layer by the mean row of its stops' upstream stops (flow order breaks ties).
  const row = new Map<string, number>()
  const flowOrder = new Map(unique.map((name, i) => [name, i]))
  for (const column of columns) {
    if (!column) continue
    const key = (name: string) => {
      const rows = upstream.get(name)!.map((from) => row.get(from)).filter((r): r is number => r !== undefined)
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY
    }
    const keyed = column.map((name) => ({ name, key: key(name), order: flowOrder.get(name)! }))
    keyed.sort((a, b) => (a.key === b.key ? a.order - b.order : a.key - b.key))
    keyed.forEach(({ name }, i) => row.set(name, i))
    column.splice(0, column.length, ...keyed.map(({ name }) => name))
  }

  const tallest = Math.max(1, ...columns.map((column) => column?.length ?? 0))
  const positions: Record<string, XY> = {}
  columns.forEach((column, x) => {
    if (!column) return
    const offset = ((tallest - column.length) * options.rowHeight) / 2
    column.forEach((name, y) => {
      positions[name] = { x: x * options.columnWidth, y: offset + y * options.rowHeight }
    })
  })
  return positions
}

/**
 * The flow's own positions when it has one for every stop, else the layered layout for all
 * (mixing the two would draw the new stops on top of the old).
 */
export function positionsFor(
  names: string[],
  edges: LayoutEdge[],
  saved: Record<string, XY> | null | undefined,
  options: LayoutOptions = DEFAULT_LAYOUT,
): Record<string, XY> {
  const valid = (p: XY | undefined): p is XY => !!p && Number.isFinite(p.x) && Number.isFinite(p.y)
  if (saved && names.length > 0 && names.every((name) => valid(saved[name]))) {
    return Object.fromEntries(names.map((name) => [name, { x: saved[name]!.x, y: saved[name]!.y }]))
  }
  return layeredLayout(names, edges, options)
}
