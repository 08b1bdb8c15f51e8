/**
 * What the editor and the run monitor share: the canvas types, the flow JSON <-> nodes/edges
 * mapping, ports as handles, and the one generic stop node (with `nodeTypes` to hand to xyflow).
 */
import '@xyflow/react/dist/style.css'
import './canvas.css'

export * from './types'
export * from './ports'
export * from './spec-mapping'
export { NODE, nodeGeometry, nodeHeight } from './geometry'
export { StopNode } from './StopNode'
export { FlowMiniMap } from './MiniMap'
export { GridBackground } from './GridBackground'
export { NodeLabelsProvider } from './labels'
export { useNodeLabels, type NodeLabels } from './labels-context'
export { nodeTypes } from './node-types'
export { useCanvasAriaLabels } from './aria-labels'
