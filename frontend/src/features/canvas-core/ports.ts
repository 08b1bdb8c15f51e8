/**
 * Ports as handles. A stop's handles come from its descriptor, its properties and the paths that
 * use it: Fork's `Any` outport offers one handle per named port plus an "add a port" handle, Merge
 * the same on its inputs, Route its default port, one per customized property and an "add a
 * condition" handle, Join `Left` and `Right`, a source no input at all.
 */
import type { PortHandle, StopDescriptor } from './types'

export const ANY = 'Any'
export const NONE = 'None'
export const ROUTE = 'Route'
/** The handle id of an "add a port" handle (Any, Route). */
export const NEW_PORT_HANDLE = 'new'
/** The property that lists an `Any` port's names (Fork: `outports`, Merge: `inports`). */
export const PORT_LIST_PROPERTY = { in: 'inports', out: 'outports' } as const

/** The xyflow handle id of a port (`""`, the default port, included). */
export function handleId(port: string): string {
  return `p:${port}`
}

/** The port a handle id stands for; `null` for an "add a port" handle (or none). */
export function portOf(handle: string | null | undefined): string | null {
  if (handle == null) return ''
  return handle.startsWith('p:') ? handle.slice(2) : null
}

/** `"default"` in any case means the default port, as the engine reads it. */
export function normalizePort(name: string): string {
  const trimmed = name.trim()
  return trimmed.toLowerCase() === 'default' ? '' : trimmed
}

/** `"out1, out2"` -> `["out1", "out2"]` (no blanks, no repeats). */
export function parsePortList(value: string | undefined): string[] {
  if (!value) return []
  return unique(value.split(',').map(normalizePort).filter((name) => name !== ''))
}

export function formatPortList(ports: string[]): string {
  return ports.join(',')
}

function unique(items: string[]): string[] {
  return [...new Set(items)]
}

const port = (name: string, kind: PortHandle['kind'] = name === '' ? 'default' : 'named'): PortHandle => ({
  id: handleId(name),
  port: name,
  kind,
})
const newPort = (kind: 'any' | 'route'): PortHandle => ({ id: NEW_PORT_HANDLE, port: '', kind })

/** Handles on the input side: declared ports, named ports in use, and an "add" handle for `Any`. */
export function inputHandles(
  descriptor: StopDescriptor | undefined,
  properties: Record<string, string>,
  used: readonly string[],
): PortHandle[] {
  if (!descriptor) return unique([...used]).map((name) => port(name))
  const out: PortHandle[] = []
  const seen = new Set<string>()
  const add = (handle: PortHandle) => {
    if (handle.id === NEW_PORT_HANDLE || !seen.has(handle.port)) {
      seen.add(handle.port)
      out.push(handle)
    }
  }
  let any = false
  for (const declared of descriptor.inports) {
    if (declared === NONE) continue
    if (declared === ANY) {
      any = true
      for (const name of parsePortList(properties[PORT_LIST_PROPERTY.in])) add(port(name))
      for (const name of used) add(port(name))
    } else {
      add(port(declared))
    }
  }
  for (const name of used) if (!seen.has(name)) add(port(name, 'unknown'))
  if (any) out.push(newPort('any'))
  return out
}

/** Handles on the output side: declared ports, Route's conditions, named ports in use, "add" handles. */
export function outputHandles(
  descriptor: StopDescriptor | undefined,
  properties: Record<string, string>,
  customized: Record<string, string>,
  used: readonly string[],
): PortHandle[] {
  if (!descriptor) return unique(used.length ? [...used] : ['']).map((name) => port(name))
  const out: PortHandle[] = []
  const seen = new Set<string>()
  const add = (handle: PortHandle) => {
    if (!seen.has(handle.port)) {
      seen.add(handle.port)
      out.push(handle)
    }
  }
  let extra: 'any' | 'route' | null = null
  for (const declared of descriptor.outports) {
    if (declared === NONE) continue
    if (declared === ANY) {
      extra = 'any'
      for (const name of parsePortList(properties[PORT_LIST_PROPERTY.out])) add(port(name))
      for (const name of used) add(port(name))
    } else if (declared === ROUTE) {
      extra = 'route'
      add(port(''))
      for (const name of Object.keys(customized)) add(port(name))
      for (const name of used) add(port(name))
    } else {
      add(port(declared))
    }
  }
  for (const name of used) if (!seen.has(name)) add(port(name, 'unknown'))
  if (extra) out.push(newPort(extra))
  return out
}

/** Two handle lists draw the same. */
export function sameHandles(a: readonly PortHandle[], b: readonly PortHandle[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (!x || !y || x.id !== y.id || x.kind !== y.kind) return false
  }
  return true
}
