/**
 * The canvas's state: nodes, edges, the flow's info, the selection, the server's problems, and
 * undo/redo. Components read it through selectors (`useEditorStore((s) => s.x)`), so dragging a
 * node re-renders the canvas and nothing else.
 *
 * History holds snapshots of `{nodes, edges, info}`; they share every unchanged node and edge with
 * each other, so a snapshot costs one array of references. A burst of edits to one field (typing)
 * is one step.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react'
import { create } from 'zustand'

import {
  descriptorIndex,
  edgeText,
  flowToCanvas,
  groupLabel,
  canvasToFlow,
  formatPortList,
  newEdgeId,
  nodeGeometry,
  parsePortList,
  pathToEdge,
  refreshHandles,
  stopNodeData,
  ANY,
  PORT_LIST_PROPERTY,
  ROUTE,
  type CanvasEdge,
  type CanvasNode,
  type FlowGraph,
  type FlowPath,
  type Position,
  type StopDescriptor,
  type StopNodeData,
} from '@/features/canvas-core'
import type { Problem } from '@/lib/api-client'
import { uniqueName } from '../model/naming'
import { problemsByStop } from '../model/problems'

export type FlowInfo = {
  name: string
  description: string
  driver_memory: string
  executor_number: number
  executor_memory: string
  executor_cores: number
}

type Snapshot = { nodes: CanvasNode[]; edges: CanvasEdge[]; info: FlowInfo }

export const HISTORY_LIMIT = 200
/** Edits to the same field closer together than this are one undo step. */
const COALESCE_MS = 1000

export type StopPatch = {
  properties?: Record<string, string>
  customizedProperties?: Record<string, string>
  checkpoint?: boolean
}

/** A path to add, its ports resolved (a name the user gave for an `Any` or Route handle included). */
export type NewPath = FlowPath & { condition?: string }

export type EditorState = {
  /** Who loaded the store (the page's token for one visit), so a page knows the state is its own. */
  visit: object | null
  /** The catalogue as loaded (the list, as given), to notice a new one. */
  catalogue: readonly StopDescriptor[]
  flowId: number | null
  revision: number
  info: FlowInfo
  nodes: CanvasNode[]
  edges: CanvasEdge[]
  descriptors: ReadonlyMap<string, StopDescriptor>
  /** The one selected stop, else `null` (nothing, or several things, selected). */
  selected: string | null
  /** Every problem of the last save or run attempt, and the same by stop. */
  problems: Problem[]
  stopProblems: ReadonlyMap<string, string[]>
  dirty: boolean
  past: Snapshot[]
  future: Snapshot[]
  /** Internal: the key and time of the last recorded edit (for coalescing), and a drag in progress. */
  lastEdit: { key: string; at: number } | null
  dragging: boolean

  load: (flow: LoadableFlow, descriptors: readonly StopDescriptor[], visit?: object) => void
  /** The catalogue in another language: texts change, the canvas stays. */
  setDescriptors: (descriptors: readonly StopDescriptor[]) => void
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void
  addStop: (descriptor: StopDescriptor, position: Position) => string
  connect: (path: NewPath) => void
  updateStop: (name: string, patch: StopPatch, field?: string) => void
  renameStop: (from: string, to: string) => void
  removeCondition: (stop: string, port: string) => void
  setInfo: (patch: Partial<FlowInfo>) => void
  select: (name: string | null) => void
  deleteSelection: () => void
  undo: () => void
  redo: () => void
  setProblems: (problems: Problem[]) => void
  markSaved: (revision: number, problems: Problem[]) => void
  /** The flow JSON and info a save sends. */
  toFlow: () => FlowGraph & FlowInfo
}

/** A flow as `GET /api/flows/<id>/` returns it (property values may come as any JSON). */
export type LoadableFlow = Omit<FlowGraph, 'stops'> &
  FlowInfo & {
    id: number
    revision: number
    problems?: Problem[]
    stops: { name: string; bundle: string; uuid?: string; properties?: Record<string, unknown>; customizedProperties?: Record<string, unknown> }[]
  }

function strings(map: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(map ?? {})) out[key] = value == null ? '' : String(value)
  return out
}

export const EMPTY_INFO: FlowInfo = {
  name: '',
  description: '',
  driver_memory: '1g',
  executor_number: 1,
  executor_memory: '1g',
  executor_cores: 1,
}

/** A node with its size and handle positions known up front (see canvas-core/geometry.ts). */
function withSize(node: CanvasNode): CanvasNode {
  return { ...node, ...nodeGeometry(node.data) }
}

/** `nodes` with `error` set from `problems` (and cleared elsewhere); unchanged nodes keep their object. */
function applyProblems(nodes: CanvasNode[], problems: ReadonlyMap<string, string[]>): CanvasNode[] {
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

function selectedOf(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): string | null {
  let found: string | null = null
  for (const node of nodes) {
    if (!node.selected) continue
    if (found !== null) return null
    found = node.id
  }
  if (found !== null && edges.some((edge) => edge.selected)) return null
  return found
}

export const useEditorStore = create<EditorState>()((set, get) => {
  /** Record the current state as an undo step (unless it continues the last edit to `key`). */
  const record = (key?: string) => {
    const state = get()
    const now = Date.now()
    if (key && state.lastEdit && state.lastEdit.key === key && now - state.lastEdit.at < COALESCE_MS) {
      set({ lastEdit: { key, at: now } })
      return
    }
    const past = [...state.past, { nodes: state.nodes, edges: state.edges, info: state.info }]
    if (past.length > HISTORY_LIMIT) past.shift()
    set({ past, future: [], lastEdit: key ? { key, at: now } : null })
  }

  const descriptorOf = (bundle: string) => get().descriptors.get(bundle)

  const mapNode = (nodes: CanvasNode[], name: string, update: (data: StopNodeData) => StopNodeData) =>
    nodes.map((node) => (node.id === name ? { ...node, data: update(node.data) } : node))

  /** After edges or port properties changed: handles of `names`, and Route labels of their paths. */
  const settle = (nodes: CanvasNode[], edges: CanvasEdge[], names: Set<string>) => {
    const refreshed = refreshHandles(nodes, edges, descriptorOf, names)
    const routes = new Map<string, StopNodeData>()
    for (const node of refreshed) {
      if (names.has(node.id) && descriptorOf(node.data.bundle)?.outports.includes(ROUTE)) routes.set(node.id, node.data)
    }
    const labelled =
      routes.size === 0
        ? edges
        : edges.map((edge) => {
            const source = routes.get(edge.source)
            if (!source) return edge
            const outport = edge.sourceHandle?.slice(2) ?? ''
            const text = edgeText(source, outport, descriptorOf(source.bundle))
            if (text === (edge.data?.text ?? undefined)) return edge
            const next: CanvasEdge = { ...edge, label: text, data: { ...edge.data, text } }
            if (!text) {
              delete next.label
              next.data = { ...edge.data }
              delete next.data.text
            }
            return next
          })
    return { nodes: refreshed, edges: labelled }
  }

  const restore = (snapshot: Snapshot) => {
    const nodes = applyProblems(snapshot.nodes, get().stopProblems)
    set({
      nodes,
      edges: snapshot.edges,
      info: snapshot.info,
      selected: selectedOf(nodes, snapshot.edges),
      dirty: true,
      lastEdit: null,
    })
  }

  return {
    visit: null,
    catalogue: [],
    flowId: null,
    revision: 0,
    info: EMPTY_INFO,
    nodes: [],
    edges: [],
    descriptors: new Map(),
    selected: null,
    problems: [],
    stopProblems: new Map(),
    dirty: false,
    past: [],
    future: [],
    lastEdit: null,
    dragging: false,

    load: (flow, descriptorList, visit) => {
      const descriptors = descriptorIndex(descriptorList)
      const stops = flow.stops.map((stop) => ({
        ...stop,
        properties: strings(stop.properties),
        customizedProperties: strings(stop.customizedProperties),
      }))
      const canvas = flowToCanvas({ ...flow, stops }, descriptors)
      const info: FlowInfo = {
        name: flow.name,
        description: flow.description,
        driver_memory: flow.driver_memory,
        executor_number: flow.executor_number,
        executor_memory: flow.executor_memory,
        executor_cores: flow.executor_cores,
      }
      set({
        visit: visit ?? get().visit,
        catalogue: descriptorList,
        flowId: flow.id,
        revision: flow.revision,
        info,
        descriptors,
        nodes: canvas.nodes.map(withSize),
        edges: canvas.edges,
        selected: null,
        past: [],
        future: [],
        dirty: false,
        lastEdit: null,
        dragging: false,
      })
      get().setProblems(flow.problems ?? [])
    },

    setDescriptors: (list) => {
      const descriptors = descriptorIndex(list)
      const relabel = (nodes: CanvasNode[]) =>
        nodes.map((node) => {
          const group = groupLabel(descriptors.get(node.data.bundle))
          return !group || group === node.data.group ? node : { ...node, data: { ...node.data, group } }
        })
      const state = get()
      set({
        descriptors,
        catalogue: list,
        nodes: relabel(state.nodes),
        past: state.past.map((snapshot) => ({ ...snapshot, nodes: relabel(snapshot.nodes) })),
        future: state.future.map((snapshot) => ({ ...snapshot, nodes: relabel(snapshot.nodes) })),
      })
      get().setProblems(get().problems)
    },

    onNodesChange: (changes) => {
      const state = get()
      let content = false
      let selection = false
      let dragging = state.dragging
      const moves = changes.filter((c) => c.type === 'position')
      if (moves.length > 0) {
        const moving = moves.some((c) => c.type === 'position' && c.dragging)
        // One undo step per drag (recorded as it starts), one per keyboard move.
        if (moving ? !state.dragging : !state.dragging && moves.some((c) => c.type === 'position' && c.position)) record()
        dragging = moving
        content = true
      }
      for (const change of changes) {
        if (change.type === 'select') selection = true
        else if (change.type === 'remove' || change.type === 'add' || change.type === 'replace') content = true
      }
      if (changes.some((c) => c.type === 'remove')) record()
      const nodes = applyNodeChanges(changes, state.nodes)
      set({
        nodes,
        dragging,
        ...(content ? { dirty: true } : {}),
        ...(selection ? { selected: selectedOf(nodes, state.edges) } : {}),
      })
    },

    onEdgesChange: (changes) => {
      const state = get()
      const removed = changes.some((c) => c.type === 'remove')
      if (removed) record()
      const edges = applyEdgeChanges(changes, state.edges)
      const selection = changes.some((c) => c.type === 'select')
      if (removed) {
        const names = new Set<string>()
        for (const c of changes) {
          if (c.type !== 'remove') continue
          const edge = state.edges.find((e) => e.id === c.id)
          if (edge) names.add(edge.source).add(edge.target)
        }
        const settled = settle(state.nodes, edges, names)
        set({ ...settled, dirty: true, selected: selectedOf(settled.nodes, settled.edges) })
      } else {
        set({ edges, ...(selection ? { selected: selectedOf(state.nodes, edges) } : {}) })
      }
    },

    addStop: (descriptor, position) => {
      record()
      const state = get()
      const taken = new Set(state.nodes.map((n) => n.id))
      const name = uniqueName(descriptor.name, taken)
      const properties: Record<string, string> = {}
      for (const property of descriptor.properties) properties[property.name] = property.default ?? ''
      const uuid = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : ''
      const data = stopNodeData({ name, bundle: descriptor.bundle, uuid, properties, customizedProperties: {} }, descriptor, false)
      const node = withSize({ id: name, type: 'stop', position, data, selected: true })
      const nodes = [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node]
      const edges = state.edges.some((e) => e.selected) ? state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) : state.edges
      set({ nodes, edges, selected: name, dirty: true })
      return name
    },

    connect: (path) => {
      record()
      const state = get()
      let nodes = state.nodes
      const source = nodes.find((n) => n.id === path.from)
      const target = nodes.find((n) => n.id === path.to)
      if (!source || !target) return
      const sourceDescriptor = descriptorOf(source.data.bundle)
      const targetDescriptor = descriptorOf(target.data.bundle)
      // Fork: a new outport name joins `outports`; Merge: a new inport name joins `inports`.
      const listed = (descriptor: StopDescriptor | undefined, side: 'in' | 'out') =>
        descriptor?.[side === 'in' ? 'inports' : 'outports'].includes(ANY) &&
        descriptor.properties.some((p) => p.name === PORT_LIST_PROPERTY[side])
      if (path.outport && listed(sourceDescriptor, 'out')) {
        const ports = parsePortList(source.data.properties[PORT_LIST_PROPERTY.out])
        if (!ports.includes(path.outport)) {
          nodes = mapNode(nodes, source.id, (data) => ({
            ...data,
            properties: { ...data.properties, [PORT_LIST_PROPERTY.out]: formatPortList([...ports, path.outport]) },
          }))
        }
      }
      if (path.inport && listed(targetDescriptor, 'in')) {
        const ports = parsePortList(target.data.properties[PORT_LIST_PROPERTY.in])
        if (!ports.includes(path.inport)) {
          nodes = mapNode(nodes, target.id, (data) => ({
            ...data,
            properties: { ...data.properties, [PORT_LIST_PROPERTY.in]: formatPortList([...ports, path.inport]) },
          }))
        }
      }
      // Route: the condition becomes a customized property named after the port.
      if (path.condition !== undefined && path.outport) {
        nodes = mapNode(nodes, source.id, (data) => ({
          ...data,
          customizedProperties: { ...data.customizedProperties, [path.outport]: path.condition ?? '' },
        }))
      }
      const edge = pathToEdge({ from: path.from, outport: path.outport, inport: path.inport, to: path.to }, newEdgeId())
      const settled = settle(nodes, [...state.edges, edge], new Set([path.from, path.to]))
      set({ ...settled, dirty: true })
    },

    updateStop: (name, patch, field) => {
      record(field ? `${name}\u0000${field}` : undefined)
      const state = get()
      let nodes = mapNode(state.nodes, name, (data) => ({
        ...data,
        ...(patch.properties ? { properties: patch.properties } : {}),
        ...(patch.customizedProperties ? { customizedProperties: patch.customizedProperties } : {}),
        ...(patch.checkpoint !== undefined ? { checkpoint: patch.checkpoint } : {}),
      }))
      let edges = state.edges
      if (patch.properties || patch.customizedProperties) {
        const settled = settle(nodes, edges, new Set([name]))
        nodes = settled.nodes
        edges = settled.edges
      }
      set({ nodes, edges, dirty: true })
    },

    renameStop: (from, to) => {
      const state = get()
      if (from === to || state.nodes.some((n) => n.id === to)) return
      record()
      const nodes = state.nodes.map((node) =>
        node.id === from ? { ...node, id: to, data: { ...node.data, name: to } } : node,
      )
      const edges = state.edges.map((edge) =>
        edge.source === from || edge.target === from
          ? { ...edge, source: edge.source === from ? to : edge.source, target: edge.target === from ? to : edge.target }
          : edge,
      )
      const stopProblems = new Map(state.stopProblems)
      const moved = stopProblems.get(from)
      stopProblems.delete(from)
      if (moved) stopProblems.set(to, moved)
      set({ nodes, edges, stopProblems, selected: state.selected === from ? to : state.selected, dirty: true })
    },

    removeCondition: (stop, port) => {
      record()
      const state = get()
      const handle = `p:${port}`
      const edges = state.edges.filter((e) => !(e.source === stop && e.sourceHandle === handle))
      const names = new Set([stop, ...state.edges.filter((e) => e.source === stop && e.sourceHandle === handle).map((e) => e.target)])
      const nodes = mapNode(state.nodes, stop, (data) => {
        const customizedProperties = { ...data.customizedProperties }
        delete customizedProperties[port]
        return { ...data, customizedProperties }
      })
      set({ ...settle(nodes, edges, names), dirty: true })
    },

    setInfo: (patch) => {
      record(`info\u0000${Object.keys(patch).join()}`)
      set({ info: { ...get().info, ...patch }, dirty: true })
    },

    select: (name) => {
      const state = get()
      const nodes = state.nodes.map((node) => {
        const selected = node.id === name
        return Boolean(node.selected) === selected ? node : { ...node, selected }
      })
      const edges = state.edges.some((e) => e.selected) ? state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) : state.edges
      set({ nodes, edges, selected: name })
    },

    deleteSelection: () => {
      const state = get()
      const gone = new Set(state.nodes.filter((n) => n.selected).map((n) => n.id))
      const doomedEdges = state.edges.filter((e) => e.selected || gone.has(e.source) || gone.has(e.target))
      if (gone.size === 0 && doomedEdges.length === 0) return
      record()
      const doomed = new Set(doomedEdges.map((e) => e.id))
      const touched = new Set<string>()
      for (const edge of doomedEdges) touched.add(edge.source).add(edge.target)
      for (const name of gone) touched.delete(name)
      const nodes = gone.size ? state.nodes.filter((n) => !gone.has(n.id)) : state.nodes
      const edges = state.edges.filter((e) => !doomed.has(e.id))
      set({ ...settle(nodes, edges, touched), selected: null, dirty: true })
    },

    undo: () => {
      const state = get()
      const previous = state.past[state.past.length - 1]
      if (!previous) return
      set({
        past: state.past.slice(0, -1),
        future: [{ nodes: state.nodes, edges: state.edges, info: state.info }, ...state.future],
      })
      restore(previous)
    },

    redo: () => {
      const state = get()
      const next = state.future[0]
      if (!next) return
      set({
        past: [...state.past, { nodes: state.nodes, edges: state.edges, info: state.info }],
        future: state.future.slice(1),
      })
      restore(next)
    },

    setProblems: (problems) => {
      const state = get()
      const bundleOf = new Map(state.nodes.map((n) => [n.id, n.data.bundle]))
      const stopProblems = problemsByStop(problems, (stop) => {
        const bundle = bundleOf.get(stop)
        return bundle ? descriptorOf(bundle) : undefined
      })
      set({ problems, stopProblems, nodes: applyProblems(state.nodes, stopProblems) })
    },

    markSaved: (revision, problems) => {
      set({ revision, dirty: false })
      get().setProblems(problems)
    },

    toFlow: () => {
      const state = get()
      return { ...state.info, ...canvasToFlow(state.nodes, state.edges) }
    },
  }
})

/** Undo/redo availability, for the toolbar. */
export const selectCanUndo = (s: EditorState) => s.past.length > 0
export const selectCanRedo = (s: EditorState) => s.future.length > 0
