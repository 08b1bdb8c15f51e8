import { createContext } from 'react'

/** What a click on an edge's row label does: the page selects that path (by its index in the flow). */
export const PathSelectContext = createContext<(index: number) => void>(() => undefined)
