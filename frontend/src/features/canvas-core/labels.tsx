import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { NodeLabelsContext, translateNodeLabels } from './labels-context'

/**
 * Wrap a canvas in this: its stop nodes read their labels from here, in the UI's language and
 * following a switch of it. (A `useTranslation()` in each of 1,000 nodes costs more than drawing them.)
 */
export function NodeLabelsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const labels = useMemo(() => translateNodeLabels(t), [t])
  return <NodeLabelsContext.Provider value={labels}>{children}</NodeLabelsContext.Provider>
}
