/**
 * What the canvases share (the flow editor, the run monitor, the group canvas to come): the canvas
 * types, the flow JSON <-> nodes/edges mapping, ports as handles, the rules of drawing paths
 * (which connections are accepted, the names of new ports, what a path writes into its stops),
 * undo/redo as a zustand middleware, and the one generic stop node (with `nodeTypes` for xyflow).
 *
 * This file is the feature's public surface: other features import from `@/features/canvas-core`
 * only (the lint checks it).
 */
import '@xyflow/react/dist/style.css'
import './canvas.css'

export * from './types'
export * from './ports'
export * from './spec-mapping'
export * from './connection-rules'
export * from './port-naming'
export * from './new-path'
export * from './history-middleware'
export { NODE, nodeGeometry, nodeHeight } from './geometry'
export { StopNode } from './StopNode'
export { FlowMiniMap } from './MiniMap'
export { GridBackground } from './GridBackground'
export { NodeLabelsProvider } from './labels'
export { useNodeLabels, type NodeLabels } from './labels-context'
export { nodeTypes } from './node-types'
export { useCanvasAriaLabels } from './aria-labels'
export { useKeyboardScope } from './keyboard-scope'
