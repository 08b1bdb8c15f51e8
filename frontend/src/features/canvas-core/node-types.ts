import { StopNode } from './StopNode'

/** xyflow's node types: at module scope, so the object never changes between renders. */
export const nodeTypes = { stop: StopNode }
