import i18next from 'i18next'
import { createContext, useContext } from 'react'

/** The few words a stop node shows, translated once for the whole canvas (not once per node). */
export type NodeLabels = {
  addPort: string
  addCondition: string
  defaultPort: string
  checkpoint: string
}

type Key = 'canvas.node.addPort' | 'canvas.node.addCondition' | 'canvas.node.defaultPort' | 'canvas.node.checkpoint'

export function translateNodeLabels(t: (key: Key) => string): NodeLabels {
  return {
    addPort: t('canvas.node.addPort'),
    addCondition: t('canvas.node.addCondition'),
    defaultPort: t('canvas.node.defaultPort'),
    checkpoint: t('canvas.node.checkpoint'),
  }
}

export const NodeLabelsContext = createContext<NodeLabels | null>(null)

/** The labels of the nearest `NodeLabelsProvider`; without one, the current language once. */
export function useNodeLabels(): NodeLabels {
  return useContext(NodeLabelsContext) ?? translateNodeLabels((key) => i18next.t(key))
}
