/**
 * A flow as the server sends it, made into what the editor holds: the canvas's nodes and edges
 * (property values as strings, positions checked, nodes' sizes known up front) and the flow's info.
 */
import {
  flowToCanvas,
  nodeGeometry,
  positionsOf,
  type CanvasEdge,
  type CanvasNode,
  type FlowStop,
  type StopDescriptor,
} from '@/features/canvas-core'
import type { Flow, FlowInfo, PiflowStop } from '@/features/flows'

/** A flow to load: `GET /api/flows/<id>/`'s answer, or any flow with the same parts. */
export type LoadableFlow = Pick<Flow, keyof FlowInfo | 'id' | 'revision' | 'paths' | 'checkpoints'> & {
  stops: readonly PiflowStop[]
  /** Stop name -> `{x, y}`; anything else is left out (the stop is laid out instead). */
  positions: Record<string, unknown>
  problems?: Flow['problems']
}

/** Property values as strings, whatever JSON they came as (`null` as empty). */
export function stringValues(map: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(map ?? {})) out[key] = value == null ? '' : String(value)
  return out
}

/** A node with its size and handle positions known up front (see canvas-core/geometry.ts). */
export function withSize(node: CanvasNode): CanvasNode {
  return { ...node, ...nodeGeometry(node.data) }
}

/** The nodes and edges of `flow`, their sizes known (`flowToCanvas`). */
export function loadCanvas(
  flow: LoadableFlow,
  descriptors: ReadonlyMap<string, StopDescriptor>,
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const stops: FlowStop[] = flow.stops.map((stop) => ({
    ...stop,
    properties: stringValues(stop.properties),
    customizedProperties: stringValues(stop.customizedProperties),
  }))
  return flowToCanvas(
    { stops, paths: flow.paths, positions: positionsOf(flow.positions), checkpoints: flow.checkpoints },
    descriptors,
  )
}

/** The flow's name, description and Spark resources. */
export function flowInfoOf(flow: FlowInfo): FlowInfo {
  return {
    name: flow.name,
    description: flow.description,
    driver_memory: flow.driver_memory,
    executor_number: flow.executor_number,
    executor_memory: flow.executor_memory,
    executor_cores: flow.executor_cores,
  }
}
