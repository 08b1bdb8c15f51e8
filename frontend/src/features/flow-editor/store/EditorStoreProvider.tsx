import { useState, type ReactNode } from 'react'

import { createEditorStore, type EditorStore } from './editor-store'
import { EditorStoreContext } from './editor-store-context'

type Props = {
  /** The store to use; by default a new one, made when the provider mounts and kept while it lives. */
  store?: EditorStore
  children: ReactNode
}

/**
 * Gives the components below their editor's store. The store is fixed at mount: to start over
 * with another, remount (a new `key`).
 */
export function EditorStoreProvider({ store, children }: Props) {
  const [value] = useState(() => store ?? createEditorStore())
  return <EditorStoreContext value={value}>{children}</EditorStoreContext>
}
