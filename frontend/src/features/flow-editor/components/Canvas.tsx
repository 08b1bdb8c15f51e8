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
  FlowMiniMap,
  GridBackground,
  NEW_PORT_HANDLE,
  NodeLabelsProvider,
  nodeTypes,
  portOf,
  useCanvasAriaLabels,
  type CanvasEdge,
  type CanvasNode,
} from '@/features/canvas-core'
import { adjacencyOf, refusal, type Adjacency } from '../model/connection-rules'
import { STOP_DRAG_TYPE } from '../model/drag'
import { useEditorStore } from '../store/editor-store'
import { PortDialog, type PendingConnection } from './PortDialog'

const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } }
const FIT = { maxZoom: 1, minZoom: 0.5, padding: 0.15 }
const snapGrid: [number, number] = [10, 10]

/** Adjacency of the current edges, rebuilt only when the edges change (not per hovered handle). */
let adjacencyCache: { edges: readonly CanvasEdge[]; adjacency: Adjacency } | null = null
function adjacencyFor(edges: readonly CanvasEdge[]): Adjacency {
  if (adjacencyCache?.edges !== edges) adjacencyCache = { edges, adjacency: adjacencyOf(edges) }
  return adjacencyCache.adjacency
}

/** Refused as the user draws: self loops, cycles, a second path into a port (connection-rules.ts). */
const isValidConnection: IsValidConnection<CanvasEdge> = (connection) => {
  const { edges } = useEditorStore.getState()
  return refusal(connection, edges, adjacencyFor(edges)) === null
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
  const nodes = useEditorStore((s) => s.nodes)
  const edges = useEditorStore((s) => s.edges)
  const onNodesChange = useEditorStore((s) => s.onNodesChange)
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange)
  const connect = useEditorStore((s) => s.connect)
  const addStop = useEditorStore((s) => s.addStop)
  const ariaLabelConfig = useCanvasAriaLabels()
  const { screenToFlowPosition } = useReactFlow()
  const [pending, setPending] = useState<PendingConnection | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState<Viewport | null>(null)
  useLayoutEffect(() => {
    const rect = box.current?.getBoundingClientRect()
    setViewport(openingViewport(useEditorStore.getState().nodes, rect?.width || 800, rect?.height || 600))
  }, [])

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = useEditorStore.getState()
      if (refusal(connection, state.edges, adjacencyFor(state.edges)) !== null) return
      const source = state.nodes.find((n) => n.id === connection.source)
      const target = state.nodes.find((n) => n.id === connection.target)
      if (!source || !target) return
      const sourceNew = connection.sourceHandle === NEW_PORT_HANDLE
      const targetNew = connection.targetHandle === NEW_PORT_HANDLE
      if (sourceNew || targetNew) {
        const sourceKind = source.data.outputs.find((h) => h.id === NEW_PORT_HANDLE)?.kind
        setPending({
          source: source.data,
          target: target.data,
          askOut: sourceNew ? (sourceKind === 'route' ? 'route' : 'any') : null,
          outport: portOf(connection.sourceHandle) ?? '',
          askIn: targetNew,
          inport: portOf(connection.targetHandle) ?? '',
          takenIn: state.edges.filter((e) => e.target === target.id).map((e) => portOf(e.targetHandle) ?? ''),
        })
        return
      }
      connect({
        from: connection.source,
        outport: portOf(connection.sourceHandle) ?? '',
        inport: portOf(connection.targetHandle) ?? '',
        to: connection.target,
      })
    },
    [connect],
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
      const descriptor = useEditorStore.getState().descriptors.get(bundle)
      if (!descriptor) return
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      // The cursor holds the node by its title bar.
      addStop(descriptor, { x: Math.round(point.x - 95), y: Math.round(point.y - 15) })
    },
    [addStop, screenToFlowPosition],
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
      {pending && (
        <PortDialog
          pending={pending}
          onCancel={() => setPending(null)}
          onConfirm={(path) => {
            setPending(null)
            connect(path)
          }}
        />
      )}
    </div>
  )
}
