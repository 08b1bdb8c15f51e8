/**
 * Flow JSON <-> xyflow nodes and edges, as pure functions.
 *
 * `canvasToFlow(flowToCanvas(graph))` gives `graph` back: stops in their order with name, bundle,
 * uuid, properties and customized properties as they were; paths in their order with their ports;
 * every position; checkpoints (in stop order). A node's id is its stop's name, so run events and
 * validation problems (which name stops) find their node directly.
 */
import { nodeGeometry } from './geometry'
import { handleId, inputHandles, outputHandles, portOf, ROUTE, sameHandles } from './ports'
import type {
  CanvasEdge,
  CanvasNode,
  FlowGraph,
  FlowPath,
  FlowStop,
  Position,
  StopDescriptor,
  StopNodeData,
} from './types'

export type DescriptorLookup = (bundle: string) => StopDescriptor | undefined

/** Bundle id and every alias (PiFlow's `cn.piflow.bundle.*` names) -> descriptor. */
export function descriptorIndex(descriptors: readonly StopDescriptor[]): Map<string, StopDescriptor> {
  const index = new Map<string, StopDescriptor>()
  for (const descriptor of descriptors) {
    index.set(descriptor.bundle, descriptor)
    for (const alias of descriptor.aliases ?? []) if (!index.has(alias)) index.set(alias, descriptor)
  }
  return index
}

export function lookupIn(descriptors?: ReadonlyMap<string, StopDescriptor> | DescriptorLookup): DescriptorLookup {
  if (!descriptors) return () => undefined
  if (typeof descriptors === 'function') return descriptors
  return (bundle) => descriptors.get(bundle)
}

/** A descriptor's first group, by its name in the UI's language when the server gave one. */
export function groupLabel(descriptor: StopDescriptor | undefined): string {
  return descriptor?.groupLabels?.[0] || descriptor?.groups[0] || ''
}

/** `MockData` for `piflow.stops.common.MockData` when there is no descriptor. */
export function bundleShortName(bundle: string): string {
  return bundle.split('.').pop() || bundle
}

/** Whether `value` is a position: `{x, y}` numbers. */
export function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false
  const { x, y } = value as Record<string, unknown>
  return typeof x === 'number' && typeof y === 'number'
}

/**
 * The positions of a flow as the API sends them (a free-form object: stop name -> anything),
 * keeping those that are `{x, y}` numbers; a stop left out is laid out instead.
 */
export function positionsOf(positions: Readonly<Record<string, unknown>>): Record<string, Position> {
  const out: Record<string, Position> = {}
  for (const [name, value] of Object.entries(positions)) if (isPosition(value)) out[name] = { x: value.x, y: value.y }
  return out
}

// -- grid layout for stops without a position --------------------------------------------------

export const LAYOUT = { columnWidth: 260, rowHeight: 130 } as const

/** Left to right by depth (longest path from a source), top to bottom in stop order; O(stops + paths). */
export function layoutPositions(stops: readonly FlowStop[], paths: readonly FlowPath[]): Record<string, Position> {
  const names = stops.map((s) => s.name)
  const known = new Set(names)
  const outgoing = new Map<string, string[]>()
  const indegree = new Map<string, number>(names.map((n) => [n, 0]))
  for (const path of paths) {
    if (!known.has(path.from) || !known.has(path.to) || path.from === path.to) continue
    ;(outgoing.get(path.from) ?? outgoing.set(path.from, []).get(path.from)!).push(path.to)
    indegree.set(path.to, (indegree.get(path.to) ?? 0) + 1)
  }
  const depth = new Map<string, number>(names.map((n) => [n, 0]))
  const queue = names.filter((n) => indegree.get(n) === 0)
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i]!
    for (const next of outgoing.get(name) ?? []) {
      depth.set(next, Math.max(depth.get(next) ?? 0, (depth.get(name) ?? 0) + 1))
      const left = (indegree.get(next) ?? 0) - 1
      indegree.set(next, left)
      if (left === 0) queue.push(next)
    }
  }
  const rows = new Map<number, number>()
  const out: Record<string, Position> = {}
  for (const name of names) {
    const column = depth.get(name) ?? 0
    const row = rows.get(column) ?? 0
    rows.set(column, row + 1)
    out[name] = { x: column * LAYOUT.columnWidth, y: row * LAYOUT.rowHeight }
  }
  return out
}

// -- flow -> canvas -----------------------------------------------------------------------------

/** Ports each stop's paths use, on each side. */
export function usedPorts(paths: readonly FlowPath[]): { ins: Map<string, string[]>; outs: Map<string, string[]> } {
  const ins = new Map<string, string[]>()
  const outs = new Map<string, string[]>()
  for (const path of paths) {
    ;(outs.get(path.from) ?? outs.set(path.from, []).get(path.from)!).push(path.outport)
    ;(ins.get(path.to) ?? ins.set(path.to, []).get(path.to)!).push(path.inport)
  }
  return { ins, outs }
}

/** The node data of `stop`, its handles derived from its descriptor, properties and used ports. */
export function stopNodeData(
  stop: FlowStop,
  descriptor: StopDescriptor | undefined,
  checkpoint: boolean,
  usedIn: readonly string[] = [],
  usedOut: readonly string[] = [],
): StopNodeData {
  const properties = { ...(stop.properties ?? {}) }
  const customizedProperties = { ...(stop.customizedProperties ?? {}) }
  const data: StopNodeData = {
    name: stop.name,
    bundle: stop.bundle,
    uuid: stop.uuid ?? '',
    properties,
    customizedProperties,
    checkpoint,
    kind: descriptor?.name ?? bundleShortName(stop.bundle),
    group: groupLabel(descriptor),
    inputs: inputHandles(descriptor, properties, usedIn),
    outputs: outputHandles(descriptor, properties, customizedProperties, usedOut),
  }
  if (!descriptor) data.unknown = true
  return data
}

/** The text a path draws: a Route port's condition. */
export function edgeText(source: StopNodeData | undefined, outport: string, descriptor?: StopDescriptor): string | undefined {
  if (!source || outport === '') return undefined
  if (descriptor && !descriptor.outports.includes(ROUTE)) return undefined
  return source.customizedProperties[outport]
}

let edgeCounter = 0

/** A fresh edge id (unique in this page). */
export function newEdgeId(): string {
  edgeCounter += 1
  return `e${Date.now().toString(36)}-${edgeCounter}`
}

export function pathToEdge(path: FlowPath, id: string, text?: string): CanvasEdge {
  const edge: CanvasEdge = {
    id,
    source: path.from,
    target: path.to,
    sourceHandle: handleId(path.outport),
    targetHandle: handleId(path.inport),
  }
  if (text) {
    edge.label = text
    edge.data = { text }
  }
  return edge
}

export function edgeToPath(edge: Pick<CanvasEdge, 'source' | 'target' | 'sourceHandle' | 'targetHandle'>): FlowPath {
  return {
    from: edge.source,
    outport: portOf(edge.sourceHandle) ?? '',
    inport: portOf(edge.targetHandle) ?? '',
    to: edge.target,
  }
}

/** Nodes and edges for a flow. Stops without a position are laid out left to right. */
export function flowToCanvas(
  graph: FlowGraph,
  descriptors?: ReadonlyMap<string, StopDescriptor> | DescriptorLookup,
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const lookup = lookupIn(descriptors)
  const positions = graph.positions ?? {}
  const missing = graph.stops.some((stop) => !positions[stop.name])
  const fallback = missing ? layoutPositions(graph.stops, graph.paths) : {}
  const checkpoints = new Set(graph.checkpoints ?? [])
  const { ins, outs } = usedPorts(graph.paths)
  const byName = new Map<string, StopNodeData>()
  const nodes: CanvasNode[] = graph.stops.map((stop) => {
    const data = stopNodeData(stop, lookup(stop.bundle), checkpoints.has(stop.name), ins.get(stop.name), outs.get(stop.name))
    byName.set(stop.name, data)
    const position = positions[stop.name] ?? fallback[stop.name] ?? { x: 0, y: 0 }
    return { id: stop.name, type: 'stop', position: { x: position.x, y: position.y }, data, ...nodeGeometry(data) }
  })
  const ids = new Set<string>()
  const edges = graph.paths.map((path, index) => {
    let id = `p${index}:${path.from}->${path.to}`
    while (ids.has(id)) id += '+'
    ids.add(id)
    const source = byName.get(path.from)
    return pathToEdge(path, id, edgeText(source, path.outport, source ? lookup(source.bundle) : undefined))
  })
  return { nodes, edges }
}

// -- canvas -> flow -----------------------------------------------------------------------------

export function nodeToStop(data: StopNodeData): Required<FlowStop> {
  return {
    name: data.name,
    bundle: data.bundle,
    uuid: data.uuid,
    properties: { ...data.properties },
    customizedProperties: { ...data.customizedProperties },
  }
}

/** The flow JSON of a canvas: what `PUT /api/flows/<id>/` takes. */
export function canvasToFlow(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): FlowGraph {
  const stops: FlowStop[] = []
  const positions: Record<string, Position> = {}
  const checkpoints: string[] = []
  for (const node of nodes) {
    stops.push(nodeToStop(node.data))
    positions[node.data.name] = { x: node.position.x, y: node.position.y }
    if (node.data.checkpoint) checkpoints.push(node.data.name)
  }
  return { stops, paths: edges.map(edgeToPath), positions, checkpoints }
}

// -- keeping derived handles in step --------------------------------------------------------------

/**
 * `nodes` with the handles of the stops named in `names` recomputed from `edges` (every stop when
 * `names` is left out). A node whose handles did not change keeps its object, so memoized nodes do
 * not redraw. O(nodes + edges).
 */
export function refreshHandles(
  nodes: CanvasNode[],
  edges: readonly CanvasEdge[],
  descriptors: ReadonlyMap<string, StopDescriptor> | DescriptorLookup | undefined,
  names?: ReadonlySet<string>,
): CanvasNode[] {
  if (names && names.size === 0) return nodes
  const lookup = lookupIn(descriptors)
  const ins = new Map<string, string[]>()
  const outs = new Map<string, string[]>()
  for (const edge of edges) {
    if (names && !names.has(edge.source) && !names.has(edge.target)) continue
    const path = edgeToPath(edge)
    ;(outs.get(path.from) ?? outs.set(path.from, []).get(path.from)!).push(path.outport)
    ;(ins.get(path.to) ?? ins.set(path.to, []).get(path.to)!).push(path.inport)
  }
  let changed = false
  const next = nodes.map((node) => {
    if (names && !names.has(node.id)) return node
    const data = node.data
    const descriptor = lookup(data.bundle)
    const inputs = inputHandles(descriptor, data.properties, ins.get(node.id) ?? [])
    const outputs = outputHandles(descriptor, data.properties, data.customizedProperties, outs.get(node.id) ?? [])
    const sameIn = sameHandles(inputs, data.inputs)
    const sameOut = sameHandles(outputs, data.outputs)
    if (sameIn && sameOut) return node
    changed = true
    const nextData = { ...data, inputs: sameIn ? data.inputs : inputs, outputs: sameOut ? data.outputs : outputs }
    return { ...node, data: nextData, ...nodeGeometry(nextData) }
  })
  return changed ? next : nodes
}

/**
 * `edges` with the text of every path leaving a Route stop named in `names` recomputed (its port's
 * condition, see `edgeText`). An edge whose text did not change keeps its object.
 */
export function refreshEdgeTexts(
  nodes: readonly CanvasNode[],
  edges: CanvasEdge[],
  descriptors: ReadonlyMap<string, StopDescriptor> | DescriptorLookup | undefined,
  names: ReadonlySet<string>,
): CanvasEdge[] {
  const lookup = lookupIn(descriptors)
  const routes = new Map<string, StopNodeData>()
  for (const node of nodes) {
    if (names.has(node.id) && lookup(node.data.bundle)?.outports.includes(ROUTE)) routes.set(node.id, node.data)
  }
  if (routes.size === 0) return edges
  return edges.map((edge) => {
    const source = routes.get(edge.source)
    if (!source) return edge
    const text = edgeText(source, portOf(edge.sourceHandle) ?? '', lookup(source.bundle))
    if (text === edge.data?.text) return edge
    const { text: _old, ...data } = edge.data ?? {}
    const next: CanvasEdge = { ...edge, data: text ? { ...data, text } : data }
    if (text) next.label = text
    else delete next.label
    return next
  })
}

/**
 * After paths or port properties of the stops named in `names` changed: their handles
 * (`refreshHandles`) and the texts of their Route paths (`refreshEdgeTexts`).
 */
export function settleStops(
  nodes: CanvasNode[],
  edges: CanvasEdge[],
  descriptors: ReadonlyMap<string, StopDescriptor> | DescriptorLookup | undefined,
  names: ReadonlySet<string>,
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const refreshed = refreshHandles(nodes, edges, descriptors, names)
  return { nodes: refreshed, edges: refreshEdgeTexts(refreshed, edges, descriptors, names) }
}
