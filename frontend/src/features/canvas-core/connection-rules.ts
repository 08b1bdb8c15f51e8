/**
 * Which connections the canvas accepts while the user draws them: no path from a stop to itself,
 * none that closes a cycle, one path per input port (an `Any` input takes a new named port for
 * each path), and only between handles a stop offers (a source has no input handle at all).
 * Then what an accepted connection leads to: a path at once, or first the names of new ports.
 */
import { NEW_PORT_HANDLE, portOf } from './ports'
import type { PortNamingRequest } from './port-naming'
import type { CanvasEdge, FlowPath, StopNodeData } from './types'

/** A connection being drawn, as xyflow reports it (stop names and handle ids). */
export type Attempt = {
  source: string | null
  target: string | null
  sourceHandle?: string | null
  targetHandle?: string | null
}

export type Refusal = 'incomplete' | 'self' | 'cycle' | 'taken' | 'duplicate'

/** Stop name -> the stops its paths lead to. */
export type Adjacency = ReadonlyMap<string, readonly string[]>

export function adjacencyOf(edges: readonly Pick<CanvasEdge, 'source' | 'target'>[]): Map<string, string[]> {
  const next = new Map<string, string[]>()
  for (const edge of edges) {
    const list = next.get(edge.source)
    if (list) list.push(edge.target)
    else next.set(edge.source, [edge.target])
  }
  return next
}

/** Whether `to` can be reached from `from` along paths (breadth first, O(stops + paths)). */
export function reaches(adjacency: Adjacency, from: string, to: string): boolean {
  if (from === to) return true
  const seen = new Set<string>([from])
  const queue = [from]
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i]!) ?? []) {
      if (next === to) return true
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return false
}

/**
 * Why `attempt` is refused, or `null` when it may be drawn. `edges` are the paths already there,
 * `adjacency` their `adjacencyOf` (passed in so a drag over many handles builds it once).
 */
export function refusal(
  attempt: Attempt,
  edges: readonly CanvasEdge[],
  adjacency: Adjacency = adjacencyOf(edges),
): Refusal | null {
  const { source, target } = attempt
  if (!source || !target) return 'incomplete'
  if (source === target) return 'self'
  const targetHandle = attempt.targetHandle ?? null
  const sourceHandle = attempt.sourceHandle ?? null
  if (targetHandle !== NEW_PORT_HANDLE) {
    const inport = portOf(targetHandle)
    for (const edge of edges) {
      if (edge.target !== target || portOf(edge.targetHandle) !== inport) continue
      const same = edge.source === source && edge.sourceHandle === sourceHandle
      return same ? 'duplicate' : 'taken'
    }
  }
  // A path source -> target closes a cycle when source is already reachable from target.
  if (reaches(adjacency, target, source)) return 'cycle'
  return null
}

export function isValidAttempt(attempt: Attempt, edges: readonly CanvasEdge[], adjacency?: Adjacency): boolean {
  return refusal(attempt, edges, adjacency) === null
}

/** What a finished connection leads to. */
export type ConnectionPlan =
  /** Nothing: refused, or a stop that is not on the canvas (`missing`). */
  | { kind: 'refused'; reason: Refusal | 'missing' }
  /** A path between existing ports: draw it. */
  | { kind: 'path'; path: FlowPath }
  /** A path from or to an "add a port" handle: ask for the new ports' names first. */
  | { kind: 'name-ports'; request: PortNamingRequest }

/**
 * Plan a connection the user finished drawing. `stopOf` finds a stop's node data by name; `edges`
 * (and their `adjacency`) are the paths already there.
 */
export function planConnection(
  attempt: Attempt,
  stopOf: (name: string) => StopNodeData | undefined,
  edges: readonly CanvasEdge[],
  adjacency?: Adjacency,
): ConnectionPlan {
  const reason = refusal(attempt, edges, adjacency)
  if (reason !== null) return { kind: 'refused', reason }
  const source = stopOf(attempt.source ?? '')
  const target = stopOf(attempt.target ?? '')
  if (!source || !target) return { kind: 'refused', reason: 'missing' }
  const outport = portOf(attempt.sourceHandle) ?? ''
  const inport = portOf(attempt.targetHandle) ?? ''
  const sourceNew = attempt.sourceHandle === NEW_PORT_HANDLE
  const targetNew = attempt.targetHandle === NEW_PORT_HANDLE
  if (!sourceNew && !targetNew) return { kind: 'path', path: { from: source.name, outport, inport, to: target.name } }
  const sourceKind = source.outputs.find((handle) => handle.id === NEW_PORT_HANDLE)?.kind
  return {
    kind: 'name-ports',
    request: {
      source,
      target,
      askOut: sourceNew ? (sourceKind === 'route' ? 'route' : 'any') : null,
      outport,
      askIn: targetNew,
      inport,
      takenIn: edges.filter((edge) => edge.target === target.name).map((edge) => portOf(edge.targetHandle) ?? ''),
    },
  }
}
