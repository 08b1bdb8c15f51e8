import {
  Controls,
  getViewportForBounds,
  MarkerType,
  ReactFlow,
  useReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type IsValidConnection,
  type Viewport,
} from '@xyflow/react'
import { useCallback, useLayoutEffect, useRef, useState, type DragEvent } from 'react'

import {
  adjacencyOf,
  FlowMiniMap,
  GridBackground,
  NodeLabelsProvider,
  nodeTypes,
  planConnection,
  refusal,
  useCanvasAriaLabels,
  type Adjacency,
  type CanvasEdge,
  type CanvasNode,
  type PortNamingRequest,
} from '@/features/canvas-core'
import { STOP_DRAG_TYPE } from '../model/drag'
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context'
import { PortDialog } from './PortDialog'

const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } }
const FIT = { maxZoom: 1, minZoom: 0.5, padding: 0.15 }
const snapGrid: [number, number] = [10, 10]

/**
 * Adjacency of a list of edges, built once per list (not per hovered handle). Keyed by the list
 * itself (state is never mutated), so any number of editors share it safely.
 */
const adjacencies = new WeakMap<readonly CanvasEdge[], Adjacency>()
function adjacencyFor(edges: readonly CanvasEdge[]): Adjacency {
  let adjacency = adjacencies.get(edges)
  if (!adjacency) {
    adjacency = adjacencyOf(edges)
    adjacencies.set(edges, adjacency)
  }
  return adjacency
}

/**
 * The view a flow opens with: all of it when it fits at half size or more, else its middle at
 * half size. Computed from the stops' positions and estimated sizes, so the first render is
 * already the right one (xyflow's `fitView` waits for every node to be measured and so draws
 * twice: a thousand stops at the origin's view, then at the fitted one).
 */
function openingViewport(nodes: readonly CanvasNode[], width: number, height: number): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const node of nodes) {
    minX = Math.min(minX, node.position.x)
    minY = Math.min(minY, node.position.y)
    maxX = Math.max(maxX, node.position.x + (node.initialWidth ?? 190))
    maxY = Math.max(maxY, node.position.y + (node.initialHeight ?? 60))
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
  return getViewportForBounds(bounds, width, height, FIT.minZoom, FIT.maxZoom, FIT.padding)
}

/** The drawing area: stops dropped from the palette, paths drawn between their ports. */
export function Canvas() {
  const store = useEditorStoreApi()
  const nodes = useEditorStore((s) => s.nodes)
  const edges = useEditorStore((s) => s.edges)
  const onNodesChange = useEditorStore((s) => s.onNodesChange)
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange)
  const connect = useEditorStore((s) => s.connect)
  const addStop = useEditorStore((s) => s.addStop)
  const ariaLabelConfig = useCanvasAriaLabels()
  const { screenToFlowPosition } = useReactFlow()
  const [naming, setNaming] = useState<PortNamingRequest | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState<Viewport | null>(null)
  useLayoutEffect(() => {
    const rect = box.current?.getBoundingClientRect()
    setViewport(openingViewport(store.getState().nodes, rect?.width || 800, rect?.height || 600))
  }, [store])

  /** Refused as the user draws: self loops, cycles, a second path into a port (canvas-core's connection rules). */
  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>(
    (connection) => {
      const { edges } = store.getState()
      return refusal(connection, edges, adjacencyFor(edges)) === null
    },
    [store],
  )

  const onConnect = useCallback(
    (connection: Connection) => {
      const { nodes, edges } = store.getState()
      const stopOf = (name: string) => nodes.find((n) => n.id === name)?.data
      const plan = planConnection(connection, stopOf, edges, adjacencyFor(edges))
      if (plan.kind === 'path') connect(plan.path)
      else if (plan.kind === 'name-ports') setNaming(plan.request)
    },
    [store, connect],
  )

  // See .canvas-moving in canvas-core/canvas.css: a class, not state, so moving re-renders nothing.
  const onMoveStart = useCallback(() => box.current?.classList.add('canvas-moving'), [])
  const onMoveEnd = useCallback(() => box.current?.classList.remove('canvas-moving'), [])

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(STOP_DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }, [])

  const onDrop = useCallback(
    (event: DragEvent) => {
      const bundle = event.dataTransfer.getData(STOP_DRAG_TYPE)
      if (!bundle) return
      event.preventDefault()
      const descriptor = store.getState().descriptors.get(bundle)
      if (!descriptor) return
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      // The cursor holds the node by its title bar.
      addStop(descriptor, { x: Math.round(point.x - 95), y: Math.round(point.y - 15) })
    },
    [store, addStop, screenToFlowPosition],
  )

  return (
    <div className="editor-canvas" ref={box} onDragOver={onDragOver} onDrop={onDrop}>
      <NodeLabelsProvider>
        {viewport && (
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            defaultEdgeOptions={defaultEdgeOptions}
            onlyRenderVisibleElements
            deleteKeyCode={null}
            defaultViewport={viewport}
            minZoom={0.25}
            maxZoom={2}
            snapToGrid
            snapGrid={snapGrid}
            ariaLabelConfig={ariaLabelConfig}
            onMoveStart={onMoveStart}
            onMoveEnd={onMoveEnd}
          >
            <GridBackground />
            <FlowMiniMap />
            <Controls showInteractive={false} />
          </ReactFlow>
        )}
      </NodeLabelsProvider>
      {naming && (
        <PortDialog
          request={naming}
          onCancel={() => setNaming(null)}
          onConfirm={(path) => {
            setNaming(null)
            connect(path)
          }}
        />
      )}
    </div>
  )
}
