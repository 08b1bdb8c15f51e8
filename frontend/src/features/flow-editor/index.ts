/**
 * The canvas editor. Its public surface is this file: the router imports `FlowEditorPage`
 * (`/flows/:id/edit`) from here, lazily; another page embeds `FlowEditor` (a flow id, and a store of
 * its own unless it passes one from `createEditorStore`). The shared drawing pieces (types, flow
 * JSON mapping, the rules of drawing paths, undo/redo, the stop node) live in `features/canvas-core`.
 */
export { FlowEditorPage } from './FlowEditorPage'
export { FlowEditor } from './FlowEditor'
export { createEditorStore, type EditorState, type EditorStore } from './store/editor-store'
