/**
 * The run's graph: the flow that ran (the process's redacted spec) as xyflow nodes and edges,
 * placed where the flow's canvas has them (or laid out), then dressed with the run's state:
 * each node's status and error, each edge's row count. The static part is built once per run;
 * dressing keeps every unchanged node and edge object, so a 1,000-stop run redraws only what an
 * event changed.
 */
import {
  flowToCanvas,
  normalizePort,
  type CanvasEdge,
  type CanvasNode,
  type FlowPath,
  type FlowStop,
  type StopDescriptor,
} from '@/features/canvas-core'
import { positionsFor, type XY } from './layout'
import { pathRows, type RunView } from './run-view'

export const ROWS_EDGE = 'rows'

export type MonitorEdge = CanvasEdge & {
  data: { rows: number | null; from: string; outport: string; to: string; inport: string; index: number; active?: boolean }
}

export type RunGraph = { nodes: CanvasNode[]; edges: MonitorEdge[] }

type SpecLike = { flow?: { stops?: unknown; paths?: unknown } }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)
}

function strings(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {}
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, text(v)]))
}

/** What of the run's own stop and path lists shapes the drawing (not their states or rows). */
export type RunShape = {
  stops: { name: string; bundle: string; checkpoint: boolean }[]
  paths: { from: string; outport: string; inport: string; to: string }[]
}

/** The stops and paths that ran: the spec's, else (no spec) the run's own lists. */
export function ranGraph(spec: unknown, shape: RunShape): { stops: FlowStop[]; paths: FlowPath[] } {
  const flow = isRecord(spec) ? (spec as SpecLike).flow : undefined
  const specStops = isRecord(flow) && Array.isArray(flow.stops) ? flow.stops.filter(isRecord) : []
  const specPaths = isRecord(flow) && Array.isArray(flow.paths) ? flow.paths.filter(isRecord) : []
  if (specStops.length > 0) {
    return {
      stops: specStops.map((stop) => ({
        name: text(stop.name),
        bundle: text(stop.bundle),
        uuid: text(stop.uuid),
        properties: strings(stop.properties),
        customizedProperties: strings(stop.customizedProperties),
      })),
      paths: specPaths.map((path) => ({
        from: text(path.from),
        outport: normalizePort(text(path.outport)),
        inport: normalizePort(text(path.inport)),
        to: text(path.to),
      })),
    }
  }
  return {
    stops: shape.stops.map((stop) => ({ name: stop.name, bundle: stop.bundle, properties: {}, customizedProperties: {} })),
    paths: shape.paths.map((path) => ({
      from: path.from,
      outport: normalizePort(path.outport),
      inport: normalizePort(path.inport),
      to: path.to,
    })),
  }
}

/** Nodes (read-only stops) and edges (with their path) of a run, before any state. */
export function buildRunGraph(
  spec: unknown,
  shape: RunShape,
  saved: Record<string, XY> | null | undefined,
  descriptors: ReadonlyMap<string, StopDescriptor> | undefined,
  /** What a screen reader says for a path. */
  edgeLabel: (from: string, to: string) => string = (from, to) => `${from} → ${to}`,
): RunGraph {
  const { stops, paths } = ranGraph(spec, shape)
  const checkpoints = shape.stops.filter((stop) => stop.checkpoint).map((stop) => stop.name)
  const positions = positionsFor(
    stops.map((stop) => stop.name),
    paths,
    saved,
  )
  const { nodes, edges } = flowToCanvas({ stops, paths, positions, checkpoints }, descriptors)
  return {
    nodes: nodes.map((node) => ({
      ...node,
      draggable: false,
      connectable: false,
      deletable: false,
      // A stop of a bundle this server no longer knows still ran: draw it plainly.
      data: descriptors ? node.data : { ...node.data, unknown: undefined },
    })),
    edges: edges.map((edge, index) => {
      const path = paths[index]!
      return {
        ...edge,
        type: ROWS_EDGE,
        ariaLabel: edgeLabel(path.from, path.to),
        deletable: false,
        focusable: true,
        data: { ...edge.data, rows: null, from: path.from, outport: path.outport, to: path.to, inport: path.inport, index },
      }
    }),
  }
}

// Dressed nodes and edges, per undressed one: an event that changes one stop makes one new node.
const dressedNodes = new WeakMap<CanvasNode, CanvasNode>()
const dressedEdges = new WeakMap<MonitorEdge, MonitorEdge>()

function dressNode(node: CanvasNode, status: string | undefined, error: string | undefined, selected: boolean): CanvasNode {
  const old = dressedNodes.get(node)
  if (old && old.data.status === status && old.data.error === error && !!old.selected === selected) return old
  const next = { ...node, selected, data: { ...node.data, status, error } }
  dressedNodes.set(node, next)
  return next
}

function dressEdge(edge: MonitorEdge, rows: number | null, active: boolean, selected: boolean): MonitorEdge {
  const old = dressedEdges.get(edge)
  if (old && old.data.rows === rows && !!old.data.active === active && !!old.selected === selected) return old
  const next = { ...edge, selected, animated: active, data: { ...edge.data, rows, active } }
  dressedEdges.set(edge, next)
  return next
}

/** `graph` with the run's state on it: each node's status and error, each edge's rows; unchanged ones keep their objects. */
export function dressGraph(graph: RunGraph, view: RunView | null, selected: Selection): RunGraph {
  const stops = new Map(view?.stops.map((stop) => [stop.name, stop]))
  const nodes = graph.nodes.map((node) => {
    const stop = stops.get(node.id)
    return dressNode(node, stop?.state, stop?.error || undefined, selected?.kind === 'stop' && selected.name === node.id)
  })
  const edges = graph.edges.map((edge) => {
    const rows = view ? pathRows(view, { from: edge.data.from, outport: edge.data.outport }) : null
    const active = stops.get(edge.data.from)?.state === 'STARTED' || stops.get(edge.data.to)?.state === 'STARTED'
    return dressEdge(edge, rows, active, selected?.kind === 'path' && selected.index === edge.data.index)
  })
  return { nodes, edges }
}

export type Selection = { kind: 'stop'; name: string } | { kind: 'path'; index: number } | null
