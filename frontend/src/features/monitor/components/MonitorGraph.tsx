import { Background, Controls, MiniMap, ReactFlow, type AriaLabelConfig, type NodeChange } from '@xyflow/react'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { nodeTypes, type CanvasNode } from '@/features/canvas-core'
import { ROWS_EDGE, type MonitorEdge, type RunGraph, type Selection } from '../model/graph'
import { PathSelectContext } from './path-select'
import { RowsEdge } from './RowsEdge'

const edgeTypes = { [ROWS_EDGE]: RowsEdge }

/** Beyond this many stops only what is on screen is drawn. */
const VIRTUALIZE_FROM = 200

const MINIMAP_COLOURS: Record<string, string> = {
  init: '#c3cad3',
  started: '#1d6fb8',
  completed: '#1b7f3b',
  failed: '#c62828',
  killed: '#e08a1e',
  skipped: '#e4e7eb',
}

function minimapColour(node: CanvasNode): string {
  return MINIMAP_COLOURS[(node.data.status ?? 'init').toLowerCase()] ?? MINIMAP_COLOURS.init!
}

type Size = { width: number; height: number }

// Nodes with their measured size, per dressed node: a node keeps its object while its size does not change.
const sized = new WeakMap<CanvasNode, Size & { node: CanvasNode }>()

function withSize(node: CanvasNode, size: Size | undefined): CanvasNode {
  if (!size) return node
  const hit = sized.get(node)
  if (hit && hit.width === size.width && hit.height === size.height) return hit.node
  const next = { ...node, measured: size }
  sized.set(node, { ...size, node: next })
  return next
}

type Props = {
  graph: RunGraph
  onSelect: (selection: Selection) => void
}

/** The run's graph, read-only: stops coloured by state, paths labelled with rows; click to inspect. */
export function MonitorGraph({ graph, onSelect }: Props) {
  const { t } = useTranslation()
  const selectPath = useCallback((index: number) => onSelect({ kind: 'path', index }), [onSelect])
  // The graph is read-only, so the only changes kept are the sizes xyflow measures (the minimap draws with them).
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map())
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const measured = changes.flatMap((change) =>
      change.type === 'dimensions' && change.dimensions ? [[change.id, change.dimensions] as const] : [],
    )
    if (measured.length === 0) return
    setSizes((old) => {
      const next = new Map(old)
      for (const [id, size] of measured) next.set(id, size)
      return next
    })
  }, [])
  const nodes = useMemo(() => graph.nodes.map((node) => withSize(node, sizes.get(node.id))), [graph.nodes, sizes])
  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'node.a11yDescription.default': t('monitor.graph.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('monitor.graph.nodeHelp'),
      'edge.a11yDescription.default': t('monitor.graph.edgeHelp'),
      'controls.ariaLabel': t('monitor.graph.controls'),
      'controls.zoomIn.ariaLabel': t('monitor.graph.zoomIn'),
      'controls.zoomOut.ariaLabel': t('monitor.graph.zoomOut'),
      'controls.fitView.ariaLabel': t('monitor.graph.fitView'),
      'controls.interactive.ariaLabel': t('monitor.graph.interactive'),
      'minimap.ariaLabel': t('monitor.graph.minimap'),
      'handle.ariaLabel': t('monitor.graph.handle'),
    }),
    [t],
  )

  return (
    <div className="monitor-graph" role="region" aria-label={t('monitor.graph.label')}>
      <PathSelectContext.Provider value={selectPath}>
        <ReactFlow<CanvasNode, MonitorEdge>
          nodes={nodes}
          edges={graph.edges}
          onNodesChange={onNodesChange}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesReconnectable={false}
          elementsSelectable
          deleteKeyCode={null}
          onNodeClick={(_, node) => onSelect({ kind: 'stop', name: node.id })}
          onEdgeClick={(_, edge) => onSelect({ kind: 'path', index: edge.data.index })}
          onPaneClick={() => onSelect(null)}
          onlyRenderVisibleElements={graph.nodes.length > VIRTUALIZE_FROM}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1.25 }}
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background gap={16} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeColor={minimapColour} />
        </ReactFlow>
      </PathSelectContext.Provider>
    </div>
  )
}
