/**
 * The canvas editor (`/flows/:id/edit`). Its public surface is this file: the router imports
 * `FlowEditorPage` from here, lazily. A placeholder until the canvas lands.
 */
export { FlowEditorPage } from './FlowEditorPage'
