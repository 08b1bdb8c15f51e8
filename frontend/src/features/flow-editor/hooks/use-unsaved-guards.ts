import { useEffect } from 'react'
import { useBlocker } from 'react-router-dom'

import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context'

/** The browser's own prompt on reload or close while this editor has unsaved changes. */
export function useWarnBeforeUnload() {
  const dirty = useEditorStore((s) => s.dirty)
  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [dirty])
}

/**
 * Hold the app's links while this editor has unsaved changes: show a dialog while the returned
 * blocker is `blocked`. A router takes one blocker at a time, so only the page's editor uses it.
 */
export function useBlockLeaving() {
  const store = useEditorStoreApi()
  return useBlocker(
    ({ currentLocation, nextLocation }) => store.getState().dirty && currentLocation.pathname !== nextLocation.pathname,
  )
}
