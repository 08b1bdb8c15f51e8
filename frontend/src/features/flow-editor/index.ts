/**
 * The canvas editor (`/flows/:id/edit`). Its public surface is this file: the router imports
 * `FlowEditorPage` from here, lazily. The shared drawing pieces (types, flow JSON mapping, the
 * stop node) live in `features/canvas-core`.
 */
export { FlowEditorPage } from './FlowEditorPage'
