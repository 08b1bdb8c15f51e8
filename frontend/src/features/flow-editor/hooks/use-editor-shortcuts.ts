import { useEffect, useRef } from 'react'

import { useEditorStoreApi } from '../store/editor-store-context'

/** Typing somewhere: keys belong to the field (its own undo, its own Backspace). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.closest('[role="dialog"], .cm-editor')) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

/**
 * Delete/Backspace removes the selection, Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes,
 * Ctrl+S saves; none of them while the user is typing in a field, and only while `isActive()`
 * (this editor is the page's active canvas, see canvas-core's `useKeyboardScope`).
 */
export function useEditorShortcuts(onSave: () => void, isActive: () => boolean) {
  const store = useEditorStoreApi()
  const save = useRef(onSave)
  useEffect(() => {
    save.current = onSave
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isActive()) return
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && key === 's') {
        event.preventDefault()
        save.current()
        return
      }
      if (isTypingTarget(event.target)) return
      const state = store.getState()
      if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault()
        state.deleteSelection()
      } else if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) state.redo()
        else state.undo()
      } else if (mod && key === 'y') {
        event.preventDefault()
        state.redo()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [store, isActive])
}
