/**
 * One flow editor's state: nodes, edges, the flow's info, the selection, the server's problems,
 * and undo/redo. Each editor creates its own store (`createEditorStore`, given to its components
 * by `EditorStoreProvider`), so several editors can be open at once. Components read it through
 * selectors (`useEditorStore((s) => s.x)`), so dragging a node re-renders the canvas and nothing else.
 *
 * Undo/redo is canvas-core's `history` middleware over `{nodes, edges, info}`; the actions below
 * say what one step is (a drag, a burst of typing into one field, a connection, ...). The rules of
 * drawing paths are pure functions in canvas-core; this file applies them to the state.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react'
import { createStore } from 'zustand/vanilla'

import {
  canvasToFlow,
  descriptorIndex,
  groupLabel,
  handleId,
  history,
  newEdgeId,
  pathToEdge,
  settleStops,
  stopNodeData,
  stopsWithPath,
  type CanvasEdge,
  type CanvasNode,
  type FlowGraph,
  type NewPath,
  type Position,
  type StopDescriptor,
  type StopNodeData,
  type Undoable,
} from '@/features/canvas-core'
import { DEFAULT_FLOW_INFO, type FlowInfo } from '@/features/flows'
import type { Problem } from '@/lib/api-client'
import { flowInfoOf, loadCanvas, withSize, type LoadableFlow } from '../model/flow-load'
import { uniqueName } from '../model/naming'
import { problemsByStop, withProblems } from '../model/problems'
import { deselectEdges, selectedOf, selectOnly } from '../model/selection'

export type { FlowInfo, LoadableFlow }

/** The most undo steps kept. */
export const HISTORY_LIMIT = 200

/** What one undo step saves and puts back. */
export type EditorSnapshot = Pick<EditorState, 'nodes' | 'edges' | 'info'>

export type StopPatch = {
  properties?: Record<string, string>
  customizedProperties?: Record<string, string>
  checkpoint?: boolean
}

export type EditorState = Undoable & {
  /** The catalogue as loaded (the list, as given), to notice a new one. */
  catalogue: readonly StopDescriptor[]
  /** The flow loaded, `null` before `load`. */
  flowId: number | null
  revision: number
  info: FlowInfo
  nodes: CanvasNode[]
  edges: CanvasEdge[]
  descriptors: ReadonlyMap<string, StopDescriptor>
  /** The one selected stop, else `null` (nothing, or several things, selected). */
  selected: string | null
  /** Every problem of the last save or run attempt, and the same by stop. */
  problems: readonly Problem[]
  stopProblems: ReadonlyMap<string, string[]>
  dirty: boolean
  /** A drag of stops is in progress (it is one undo step, recorded as it starts). */
  dragging: boolean

  load: (flow: LoadableFlow, descriptors: readonly StopDescriptor[]) => void
  /** The catalogue in another language: texts change, the canvas stays. */
  setDescriptors: (descriptors: readonly StopDescriptor[]) => void
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void
  addStop: (descriptor: StopDescriptor, position: Position) => string
  connect: (path: NewPath) => void
  /** Change a stop; `field` names what is typed into, so a burst of typing is one undo step. */
  updateStop: (name: string, patch: StopPatch, field?: string) => void
  renameStop: (from: string, to: string) => void
  removeCondition: (stop: string, port: string) => void
  setInfo: (patch: Partial<FlowInfo>) => void
  select: (name: string | null) => void
  deleteSelection: () => void
  setProblems: (problems: readonly Problem[]) => void
  markSaved: (revision: number, problems: readonly Problem[]) => void
  /** The flow JSON and info a save sends. */
  toFlow: () => FlowGraph & FlowInfo
}

/** A new, empty editor store (one per open editor). */
export function createEditorStore() {
  return createStore<EditorState>()(
    history(
      {
        pick: (state): EditorSnapshot => ({ nodes: state.nodes, edges: state.edges, info: state.info }),
        restore: (snapshot, state) => {
          const nodes = withProblems(snapshot.nodes, state.stopProblems)
          return { ...snapshot, nodes, selected: selectedOf(nodes, snapshot.edges), dirty: true }
        },
        limit: HISTORY_LIMIT,
      },
      (set, get, store) => {
        const record = (key?: string) => store.history.record(key)
        const descriptorOf = (bundle: string) => get().descriptors.get(bundle)
        const settle = (nodes: CanvasNode[], edges: CanvasEdge[], names: ReadonlySet<string>) =>
          settleStops(nodes, edges, descriptorOf, names)
        const replaceData = (nodes: CanvasNode[], name: string, update: (data: StopNodeData) => StopNodeData) =>
          nodes.map((node) => (node.id === name ? { ...node, data: update(node.data) } : node))

        return {
          catalogue: [],
          flowId: null,
          revision: 0,
          info: DEFAULT_FLOW_INFO,
          nodes: [],
          edges: [],
          descriptors: new Map(),
          selected: null,
          problems: [],
          stopProblems: new Map(),
          dirty: false,
          dragging: false,

          load: (flow, catalogue) => {
            const descriptors = descriptorIndex(catalogue)
            set({
              catalogue,
              flowId: flow.id,
              revision: flow.revision,
              info: flowInfoOf(flow),
              descriptors,
              ...loadCanvas(flow, descriptors),
              selected: null,
              dirty: false,
              dragging: false,
            })
            store.history.clear()
            get().setProblems(flow.problems ?? [])
          },

          setDescriptors: (catalogue) => {
            const descriptors = descriptorIndex(catalogue)
            const relabel = (nodes: CanvasNode[]) =>
              nodes.map((node) => {
                const group = groupLabel(descriptors.get(node.data.bundle))
                return !group || group === node.data.group ? node : { ...node, data: { ...node.data, group } }
              })
            set({ descriptors, catalogue, nodes: relabel(get().nodes) })
            store.history.rewrite((snapshot) => ({ ...snapshot, nodes: relabel(snapshot.nodes) }))
            get().setProblems(get().problems)
          },

          onNodesChange: (changes) => {
            const state = get()
            let content = false
            let selection = false
            let dragging = state.dragging
            const moves = changes.filter((c) => c.type === 'position')
            if (moves.length > 0) {
              const moving = moves.some((c) => c.dragging)
              // One undo step per drag (recorded as it starts), one per keyboard move.
              if (moving ? !state.dragging : !state.dragging && moves.some((c) => c.position)) record()
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
            const removed = changes.filter((c) => c.type === 'remove')
            if (removed.length === 0) {
              const edges = applyEdgeChanges(changes, state.edges)
              const selection = changes.some((c) => c.type === 'select')
              set({ edges, ...(selection ? { selected: selectedOf(state.nodes, edges) } : {}) })
              return
            }
            record()
            const names = new Set<string>()
            for (const change of removed) {
              const edge = state.edges.find((e) => e.id === change.id)
              if (edge) names.add(edge.source).add(edge.target)
            }
            const settled = settle(state.nodes, applyEdgeChanges(changes, state.edges), names)
            set({ ...settled, dirty: true, selected: selectedOf(settled.nodes, settled.edges) })
          },

          addStop: (descriptor, position) => {
            record()
            const state = get()
            const name = uniqueName(descriptor.name, new Set(state.nodes.map((n) => n.id)))
            const properties: Record<string, string> = {}
            for (const property of descriptor.properties) properties[property.name] = property.default ?? ''
            const uuid = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : ''
            const data = stopNodeData({ name, bundle: descriptor.bundle, uuid, properties, customizedProperties: {} }, descriptor, false)
            const node = withSize({ id: name, type: 'stop', position, data, selected: true })
            set({ nodes: [...selectOnly(state.nodes, null), node], edges: deselectEdges(state.edges), selected: name, dirty: true })
            return name
          },

          connect: (path) => {
            const state = get()
            const source = state.nodes.find((n) => n.id === path.from)
            const target = state.nodes.find((n) => n.id === path.to)
            if (!source || !target || source === target) return
            record()
            const drawn = stopsWithPath(source.data, target.data, path, descriptorOf)
            let nodes = state.nodes
            if (drawn.source !== source.data) nodes = replaceData(nodes, source.id, () => drawn.source)
            if (drawn.target !== target.data) nodes = replaceData(nodes, target.id, () => drawn.target)
            const edge = pathToEdge({ from: path.from, outport: path.outport, inport: path.inport, to: path.to }, newEdgeId())
            set({ ...settle(nodes, [...state.edges, edge], new Set([path.from, path.to])), dirty: true })
          },

          updateStop: (name, patch, field) => {
            record(field ? `${name}\u0000${field}` : undefined)
            const state = get()
            const nodes = replaceData(state.nodes, name, (data) => ({
              ...data,
              ...(patch.properties ? { properties: patch.properties } : {}),
              ...(patch.customizedProperties ? { customizedProperties: patch.customizedProperties } : {}),
              ...(patch.checkpoint !== undefined ? { checkpoint: patch.checkpoint } : {}),
            }))
            const ports = patch.properties || patch.customizedProperties
            set({ ...(ports ? settle(nodes, state.edges, new Set([name])) : { nodes }), dirty: true })
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
            const handle = handleId(port)
            const leaving = (e: CanvasEdge) => e.source === stop && e.sourceHandle === handle
            const edges = state.edges.filter((e) => !leaving(e))
            const names = new Set([stop, ...state.edges.filter(leaving).map((e) => e.target)])
            const nodes = replaceData(state.nodes, stop, (data) => {
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
            set({ nodes: selectOnly(state.nodes, name), edges: deselectEdges(state.edges), selected: name })
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

          setProblems: (problems) => {
            const state = get()
            const bundleOf = new Map(state.nodes.map((n) => [n.id, n.data.bundle]))
            const stopProblems = problemsByStop(problems, (stop) => {
              const bundle = bundleOf.get(stop)
              return bundle ? descriptorOf(bundle) : undefined
            })
            set({ problems, stopProblems, nodes: withProblems(state.nodes, stopProblems) })
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
      },
    ),
  )
}

/** One editor's store: zustand's vanilla store, with `.history` (undo/redo's controls). */
export type EditorStore = ReturnType<typeof createEditorStore>
