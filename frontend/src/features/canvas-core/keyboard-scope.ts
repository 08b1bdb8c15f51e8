/**
 * Which canvas takes the page's keyboard shortcuts when several are open (two flow editors, or a
 * flow editor in a dialog over the group canvas): the one the user last pointed at or focused
 * something in, else the one opened last. Keys are listened to on the document, since the focus
 * is often on no canvas at all (on the page's body once the focused node was deleted).
 */
import { useCallback, useEffect, useState } from 'react'

/** Mounted scopes, the active one last. */
const scopes: symbol[] = []

function remove(scope: symbol): void {
  const index = scopes.indexOf(scope)
  if (index >= 0) scopes.splice(index, 1)
}

function raise(scope: symbol): void {
  remove(scope)
  scopes.push(scope)
}

/**
 * A keyboard scope for one canvas. Spread `handlers` on the canvas's root element (React's events
 * also come from its portalled dialogs); a shortcut handler acts only while `isActive()`.
 */
export function useKeyboardScope() {
  const [scope] = useState(() => Symbol('keyboard scope'))
  useEffect(() => {
    raise(scope)
    return () => remove(scope)
  }, [scope])
  const activate = useCallback(() => raise(scope), [scope])
  const isActive = useCallback(() => scopes.at(-1) === scope, [scope])
  return { isActive, handlers: { onPointerDownCapture: activate, onFocusCapture: activate } }
}
