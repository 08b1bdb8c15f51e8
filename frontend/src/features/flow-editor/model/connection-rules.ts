/**
 * Which connections the canvas accepts while the user draws them: no path from a stop to itself,
 * none that closes a cycle, one path per input port (an `Any` input takes a new named port for
 * each path), and only between handles a stop offers (a source has no input handle at all).
 */
import { NEW_PORT_HANDLE, portOf, type CanvasEdge } from '@/features/canvas-core'

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
