import { useEffect, useRef } from 'react'
import { useBlocker } from 'react-router-dom'

import { useEditorStore } from '../store/editor-store'

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
 * Ctrl+S saves; none of them while the user is typing in a field.
 */
export function useEditorShortcuts(onSave: () => void) {
  const save = useRef(onSave)
  useEffect(() => {
    save.current = onSave
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && key === 's') {
        event.preventDefault()
        save.current()
        return
      }
      if (isTypingTarget(event.target)) return
      const store = useEditorStore.getState()
      if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault()
        store.deleteSelection()
      } else if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) store.redo()
        else store.undo()
      } else if (mod && key === 'y') {
        event.preventDefault()
        store.redo()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}

/**
 * Ask before leaving the page with unsaved changes: the browser's own prompt on reload or close,
 * and a blocker (returned: show a dialog while it is `blocked`) for the app's links.
 */
export function useWarnUnsaved() {
  const dirty = useEditorStore((s) => s.dirty)
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      useEditorStore.getState().dirty && currentLocation.pathname !== nextLocation.pathname,
  )
  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [dirty])
  return blocker
}
