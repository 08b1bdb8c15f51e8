import { useTranslation } from 'react-i18next'

import { ProgressBar } from '@/components/ProgressBar'
import { StateBadge } from '@/components/StateBadge'
import { formatDateTime, formatDuration } from '@/lib/format'
import { elapsedSeconds, isFinishedState, type RunView } from '../model/run-view'
import type { SocketStatus } from '../hooks/use-run-socket'
import { LiveIndicator } from './LiveIndicator'

type Props = {
  view: RunView
  now: number
  socket: SocketStatus
  cancelRequested: boolean
}

/** The run at a glance: state, progress, elapsed time (ticking while it runs), and why it ended badly. */
export function RunSummary({ view, now, socket, cancelRequested }: Props) {
  const { t, i18n } = useTranslation()
  const finished = isFinishedState(view.state)
  const queued = view.state === 'INIT'
  const elapsed = queued
    ? elapsedSeconds(view.created_at, null, now)
    : elapsedSeconds(view.started_at, finished ? view.ended_at : null, now)
  return (
    <section className="card monitor-summary" aria-label={t('monitor.summary.label')}>
      <div className="monitor-summary-row">
        <div className="monitor-summary-state">
          <span className="muted">{t('monitor.summary.state')}</span>
          <span data-testid="run-state" data-state={view.state}>
            <StateBadge state={view.state} />
          </span>
        </div>
        <div className="monitor-summary-progress">
          <span className="muted">{t('monitor.summary.progress')}</span>
          <ProgressBar value={view.progress} state={view.state} />
        </div>
        <div>
          <span className="muted">{t('monitor.summary.elapsed')}</span>
          <strong className="monitor-elapsed" data-testid="run-elapsed">
            {queued ? t('monitor.summary.queuedFor', { elapsed: formatDuration(elapsed) }) : formatDuration(elapsed)}
          </strong>
        </div>
        <div>
          <span className="muted">{t('monitor.summary.started')}</span>
          <span>{formatDateTime(view.started_at, i18n.language)}</span>
        </div>
        <div>
          <span className="muted">{t('monitor.summary.ended')}</span>
          <span>{formatDateTime(view.ended_at, i18n.language)}</span>
        </div>
        <LiveIndicator status={socket} />
      </div>
      {queued && <p className="monitor-hint">{t('monitor.summary.waitingWorker')}</p>}
      {cancelRequested && !finished && <p className="monitor-hint">{t('monitor.summary.cancelRequested')}</p>}
      {(view.state === 'FAILED' || view.state === 'KILLED') && view.error && (
        <div className="banner banner-error monitor-run-error" role="alert">
          <strong>{view.state === 'FAILED' ? t('monitor.summary.failedTitle') : t('monitor.summary.killedTitle')}</strong>
          <pre className="monitor-error-text">{view.error}</pre>
        </div>
      )}
    </section>
  )
}
