/**
 * Names of ports the user makes up while drawing a path: Fork's outports (`out1`, `out2`, ...),
 * Merge's inports (`in1`, ...), Route's conditional ports (`route1`, ...). What the dialog offers
 * first, what it refuses, and the path it hands to the store.
 */
import type { NewPath } from './new-path'
import type { StopNodeData } from './types'

/** What is wrong with a name a user gave. */
export type NameProblem = 'empty' | 'taken' | 'comma' | 'reserved'

/** Port names the engine gives a meaning of its own (in any case). */
const RESERVED_PORT_NAMES = ['default', 'any', 'none', 'route']

/** `out1`, `out2`, ...: the first `prefix<n>` not in `taken`. */
export function suggestPort(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let i = 1; ; i++) {
    const candidate = `${prefix}${i}`
    if (!used.has(candidate)) return candidate
  }
}

/** What is wrong with a user-given port name (`null`: nothing). */
export function portNameProblem(name: string, taken: ReadonlySet<string>): NameProblem | null {
  const clean = name.trim()
  if (!clean) return 'empty'
  if (clean.includes(',')) return 'comma' // port lists travel comma-separated
  if (RESERVED_PORT_NAMES.includes(clean.toLowerCase())) return 'reserved'
  if (taken.has(clean)) return 'taken'
  return null
}

/** The port a new Route condition gets: the first free `route<n>` among the stop's conditions. */
export function nextRoutePort(customizedProperties: Record<string, string>): string {
  return suggestPort('route', Object.keys(customizedProperties))
}

/** A path drawn from or to an "add a port" handle, waiting for the names the user gives it. */
export type PortNamingRequest = {
  source: StopNodeData
  target: StopNodeData
  /** Ask for the outport's name (Fork's `Any`), or a name and a condition (Route); `null`: `outport`. */
  askOut: 'any' | 'route' | null
  outport: string
  /** Ask for the inport's name (Merge's `Any`); else `inport`. */
  askIn: boolean
  inport: string
  /** Inports of the target already taken by a path. */
  takenIn: string[]
}

/** What the user answers: the ports' names and, for Route, the condition. */
export type PortNamingAnswer = { outport: string; inport: string; condition: string }

/** The names the dialog starts with: the first free `route<n>`, `out<n>` and `in<n>`, else the ports drawn to. */
export function suggestedPortNames(request: PortNamingRequest): Pick<PortNamingAnswer, 'outport' | 'inport'> {
  const { source, target, askOut, askIn } = request
  const outport =
    askOut === 'route'
      ? nextRoutePort(source.customizedProperties)
      : askOut === 'any'
        ? suggestPort('out', source.outputs.map((handle) => handle.port))
        : request.outport
  const inport = askIn ? suggestPort('in', [...request.takenIn, ...target.inputs.map((handle) => handle.port)]) : request.inport
  return { outport, inport }
}

/** What is wrong with an answer: each asked-for name, and a Route path's missing condition. */
export type PortNamingProblems = { outport: NameProblem | null; inport: NameProblem | null; condition: 'empty' | null }

/**
 * Check an answer: a Route port must not repeat one of the stop's conditions, a new inport must
 * not take one a path already uses, and a Route path needs its condition.
 */
export function portNamingProblems(request: PortNamingRequest, answer: PortNamingAnswer): PortNamingProblems {
  const { askOut, askIn } = request
  const routeTaken = new Set(Object.keys(request.source.customizedProperties))
  return {
    outport: askOut ? portNameProblem(answer.outport, askOut === 'route' ? routeTaken : new Set()) : null,
    inport: askIn ? portNameProblem(answer.inport, new Set(request.takenIn)) : null,
    condition: askOut === 'route' && answer.condition.trim() === '' ? 'empty' : null,
  }
}

/** Whether an answer can be drawn as it is. */
export function isAcceptedNaming(problems: PortNamingProblems): boolean {
  return problems.outport === null && problems.inport === null && problems.condition === null
}

/** The path an accepted answer draws: names trimmed, a Route path with its condition. */
export function namedPath(request: PortNamingRequest, answer: PortNamingAnswer): NewPath {
  return {
    from: request.source.name,
    outport: answer.outport.trim(),
    inport: answer.inport.trim(),
    to: request.target.name,
    ...(request.askOut === 'route' ? { condition: answer.condition.trim() } : {}),
  }
}
