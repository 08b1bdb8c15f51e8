import { useTranslation } from 'react-i18next'

import type { SocketStatus } from '../hooks/use-run-socket'

/** Whether what the page shows arrives live, and what happens when it does not. */
export function LiveIndicator({ status }: { status: SocketStatus }) {
  const { t } = useTranslation()
  if (status === 'off') return null
  const text = {
    connecting: [t('monitor.live.connecting'), ''],
    open: [t('monitor.live.open'), t('monitor.live.openHint')],
    reconnecting: [t('monitor.live.reconnecting'), t('monitor.live.reconnectingHint')],
    denied: [t('monitor.live.denied'), t('monitor.live.deniedHint')],
  }[status]
  return (
    <span className={`monitor-live monitor-live-${status}`} title={text[1] || undefined}>
      <span className="monitor-live-dot" aria-hidden="true" />
      {text[0]}
    </span>
  )
}
