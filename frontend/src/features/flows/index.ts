/**
 * Flows: the list page (`/flows`, imported by the router) and the requests about one flow. This
 * file is what other features may use (the canvas loads, runs and debug-runs a flow through it);
 * the lint refuses imports of the feature's other files from outside it.
 */
export { flowQueryOptions, getFlow, useFlow } from './api/get-flow'
export { runFlow, useRunFlow } from './api/run-flow'
export { debugFlow, useDebugFlow } from './api/debug-flow'
export { DEFAULT_FLOW_INFO, type Flow, type FlowInfo, type FlowListItem, type PiflowPath, type PiflowStop } from './types'
