import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

import { links } from '@/app/paths'
import { StateBadge } from '@/components/StateBadge'
import type { Process } from '@/features/processes'
import { formatDateTime, formatDuration } from '@/lib/format'
import { formatCount } from '../model/format'
import type { MonitorEdge, Selection } from '../model/graph'
import { elapsedSeconds, isFinishedState, pathRows, type RunView, type StopRun } from '../model/run-view'
import { Details } from './Details'

type Props = {
  process: Process
  view: RunView
  edges: MonitorEdge[]
  selected: Selection
  now: number
  onSelect: (selection: Selection) => void
}

/** The right-hand panel: the selected stop's state, times and error, else the run's facts. */
export function SidePanel(props: Props) {
  const { selected, view } = props
  const stop = selected?.kind === 'stop' ? view.stops.find((s) => s.name === selected.name) : undefined
  return (
    <aside className="card monitor-side" aria-live="polite">
      {stop ? <StopDetails {...props} stop={stop} /> : <RunDetails {...props} />}
    </aside>
  )
}

function StopDetails({ process, view, edges, now, onSelect, stop }: Props & { stop: StopRun }) {
  const { t, i18n } = useTranslation()
  const runFinished = isFinishedState(view.state)
  const running = stop.state === 'STARTED' && !runFinished
  const duration = elapsedSeconds(stop.started_at, running ? null : stop.ended_at, now)
  const outgoing = edges.filter((edge) => edge.data.from === stop.name)
  const checkpoint = process.stops.find((s) => s.name === stop.name)?.checkpoint ?? false
  const bundle = stop.bundle || process.stops.find((s) => s.name === stop.name)?.bundle || ''
  return (
    <div className="monitor-stop" data-testid="stop-panel">
      <div className="monitor-side-header">
        <h2>{stop.name}</h2>
        <StateBadge state={stop.state} />
      </div>
      {stop.error && (
        <div className="banner banner-error monitor-stop-error" role="alert">
          <strong>{t('monitor.stop.error')}</strong>
          <pre className="monitor-error-text">{stop.error}</pre>
        </div>
      )}
      {stop.state === 'SKIPPED' && <p className="monitor-hint">{t('monitor.stop.skipped')}</p>}
      {stop.state === 'INIT' && runFinished && <p className="monitor-hint">{t('monitor.stop.notRun')}</p>}
      <Details
        items={[
          [t('monitor.stop.kind'), <code key="bundle">{bundle}</code>],
          [t('monitor.stop.state'), <StateBadge key="state" state={stop.state} />],
          [t('monitor.stop.start'), formatDateTime(stop.started_at, i18n.language)],
          [t('monitor.stop.end'), formatDateTime(stop.ended_at, i18n.language)],
          [t('monitor.stop.duration'), <span key="duration" data-testid="stop-duration">{formatDuration(duration)}</span>],
          [
            t('monitor.stop.rowsOut'),
            outgoing.length === 0 ? (
              '—'
            ) : (
              <ul key="rows" className="monitor-rows-out">
                {outgoing.map((edge) => {
                  const rows = pathRows(view, edge.data)
                  return (
                    <li key={edge.id}>
                      <button type="button" className="link-button" onClick={() => onSelect({ kind: 'path', index: edge.data.index })}>
                        {t('monitor.stop.rowsTo', { to: edge.data.to })}
                      </button>
                      {': '}
                      {rows === null ? (
                        <span className="muted">{runFinished ? '—' : t('monitor.stop.rowsUnknown')}</span>
                      ) : (
                        t('monitor.edge.rows', { count: rows, rows: formatCount(rows, i18n.language) })
                      )}
                    </li>
                  )
                })}
              </ul>
            ),
          ],
          [t('monitor.stop.checkpoint'), checkpoint ? t('monitor.stop.yes') : t('monitor.stop.no')],
        ]}
      />
      <button type="button" className="btn btn-small" onClick={() => onSelect(null)}>
        {t('monitor.stop.close')}
      </button>
    </div>
  )
}

function RunDetails({ process, view, now, onSelect }: Props) {
  const { t, i18n } = useTranslation()
  const done = view.stops.filter((s) => s.state === 'COMPLETED' || s.state === 'SKIPPED').length
  const failed = view.stops.filter((s) => s.state === 'FAILED')
  const finished = isFinishedState(view.state)
  const duration = elapsedSeconds(view.started_at, finished ? view.ended_at : null, now)
  const mode = view.mode === 'DEBUG' ? t('monitor.run.modes.DEBUG') : t('monitor.run.modes.RUN')
  const trigger = t(`processes.trigger.${process.trigger}`, { defaultValue: process.trigger })
  return (
    <div className="monitor-run">
      <div className="monitor-side-header">
        <h2>{t('monitor.run.title')}</h2>
      </div>
      <p className="muted">{t('monitor.run.hint')}</p>
      {failed.length > 0 && (
        <div className="banner banner-error" role="alert">
          <strong>{t('monitor.run.failedStops', { count: failed.length })}</strong>
          <ul className="monitor-failed-stops">
            {failed.map((stop) => (
              <li key={stop.name}>
                <button type="button" className="link-button" onClick={() => onSelect({ kind: 'stop', name: stop.name })}>
                  {stop.name}
                </button>
                {stop.error && <pre className="monitor-error-text">{stop.error}</pre>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Details
        items={[
          [t('monitor.run.mode'), mode],
          [t('monitor.run.trigger'), trigger],
          [t('monitor.run.owner'), process.owner],
          [t('monitor.run.created'), formatDateTime(view.created_at, i18n.language)],
          [t('monitor.stop.duration'), formatDuration(duration)],
          [t('monitor.run.stops'), t('monitor.run.stopsDone', { done, total: view.stops.length })],
          ...(process.resumed_from
            ? [
                [
                  t('monitor.run.parent'),
                  <Link key="parent" to={links.process(process.resumed_from)}>
                    {t('monitor.run.openParent')}
                  </Link>,
                ] as [string, ReactNode],
              ]
            : []),
        ]}
      />
    </div>
  )
}
