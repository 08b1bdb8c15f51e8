/** The server's validation problems, as the canvas shows them: on the stops they name, and listed. */
import type { Problem } from '@/lib/api-client'
import type { CanvasNode, StopDescriptor } from '@/features/canvas-core'

/** `Schema: is required` (the property's label when the descriptor knows it). */
export function problemText(problem: Problem, descriptor?: StopDescriptor): string {
  if (!problem.property) return problem.message
  const label = descriptor?.properties.find((p) => p.name === problem.property)?.label ?? problem.property
  return `${label}: ${problem.message}`
}

/** Stop name -> its problems' texts. */
export function problemsByStop(
  problems: readonly Problem[],
  descriptorOf: (stop: string) => StopDescriptor | undefined,
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const problem of problems) {
    if (!problem.stop) continue
    const text = problemText(problem, descriptorOf(problem.stop))
    const list = out.get(problem.stop)
    if (list) list.push(text)
    else out.set(problem.stop, [text])
  }
  return out
}

/** `nodes` with `error` set from `problems` (and cleared elsewhere); unchanged nodes keep their object. */
export function withProblems(nodes: CanvasNode[], problems: ReadonlyMap<string, readonly string[]>): CanvasNode[] {
  let changed = false
  const next = nodes.map((node) => {
    const error = problems.get(node.id)?.join('\n') || undefined
    if (error === node.data.error) return node
    changed = true
    const data = { ...node.data }
    if (error) data.error = error
    else delete data.error
    return { ...node, data }
  })
  return changed ? next : nodes
}
