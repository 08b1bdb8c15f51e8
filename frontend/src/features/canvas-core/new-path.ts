/**
 * What drawing a path writes into its two stops. A port name the user made up on an `Any` port
 * joins the stop's port list (Fork's `outports`, Merge's `inports`, see `PORT_LIST_PROPERTY`); a new
 * Route port keeps its filter condition as a customized property named after the port.
 */
import { ANY, formatPortList, parsePortList, PORT_LIST_PROPERTY } from './ports'
import type { FlowPath, StopDescriptor, StopNodeData } from './types'

/** A path about to be drawn, its ports named; `condition`: a new Route port's filter. */
export type NewPath = FlowPath & { condition?: string }

export type PortSide = 'in' | 'out'

/** Whether the stop's `side` is an `Any` port whose names a property lists (Fork's outputs, Merge's inputs). */
export function listsPortNames(descriptor: StopDescriptor | undefined, side: PortSide): boolean {
  if (!descriptor) return false
  const declared = side === 'in' ? descriptor.inports : descriptor.outports
  return declared.includes(ANY) && descriptor.properties.some((p) => p.name === PORT_LIST_PROPERTY[side])
}

/** `data` with `port` in its `side`'s port list, when that side lists names and lacks it; else `data` itself. */
export function withListedPort(
  data: StopNodeData,
  descriptor: StopDescriptor | undefined,
  side: PortSide,
  port: string,
): StopNodeData {
  if (!port || !listsPortNames(descriptor, side)) return data
  const property = PORT_LIST_PROPERTY[side]
  const ports = parsePortList(data.properties[property])
  if (ports.includes(port)) return data
  return { ...data, properties: { ...data.properties, [property]: formatPortList([...ports, port]) } }
}

/** `data` with a Route port's condition, a customized property named after the port. */
export function withCondition(data: StopNodeData, port: string, condition: string): StopNodeData {
  return { ...data, customizedProperties: { ...data.customizedProperties, [port]: condition } }
}

/**
 * The source's and the target's data once `path` is drawn between them (a different stop each: a
 * path from a stop to itself is refused before, see `refusal`). Unchanged data keep their object.
 */
export function stopsWithPath(
  source: StopNodeData,
  target: StopNodeData,
  path: NewPath,
  descriptorOf: (bundle: string) => StopDescriptor | undefined,
): { source: StopNodeData; target: StopNodeData } {
  let nextSource = withListedPort(source, descriptorOf(source.bundle), 'out', path.outport)
  if (path.condition !== undefined && path.outport) nextSource = withCondition(nextSource, path.outport, path.condition)
  return { source: nextSource, target: withListedPort(target, descriptorOf(target.bundle), 'in', path.inport) }
}
