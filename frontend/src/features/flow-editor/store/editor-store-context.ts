/**
 * How an editor's components reach their editor's store: `EditorStoreProvider` (one per editor)
 * puts it in this context, `useEditorStore(selector)` reads from it.
 */
import { createContext, useContext } from 'react'
import { useStore } from 'zustand'

import type { EditorState, EditorStore } from './editor-store'

export const EditorStoreContext = createContext<EditorStore | null>(null)

/** This editor's store itself: for callbacks that read the state when they run (`.getState()`). */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext)
  if (!store) throw new Error('An editor component was rendered outside <EditorStoreProvider>.')
  return store
}

/** A part of this editor's state; the component re-renders when that part changes. */
export function useEditorStore<Selected>(selector: (state: EditorState) => Selected): Selected {
  return useStore(useEditorStoreApi(), selector)
}
