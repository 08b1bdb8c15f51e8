import { useTranslation } from 'react-i18next'

import { isKnownState } from '@/lib/states'

/** A run's or a stop's state as a coloured pill. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation()
  const key = isKnownState(state) ? state : 'OTHER'
  return <span className={`badge badge-state-${key.toLowerCase()}`}>{t(`state.${key}`)}</span>
}
