import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorBanner } from '@/components/ErrorBanner'
import { Loading } from '@/components/Loading'
import { isApiError } from '@/lib/api-client'
import { DEBUG_PAGE_SIZE, useDebugPage } from '../api/get-debug-page'
import { formatCount, typeName } from '../model/format'
import type { MonitorEdge } from '../model/graph'
import { isFinishedState, pathRows, type RunView } from '../model/run-view'
import type { DebugPage, SchemaField } from '../types'

type Props = {
  processId: string
  view: RunView
  edge: MonitorEdge
  onClose: () => void
}

function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * One path of the run: how many rows crossed it and, for a debug run, its schema and the kept
 * rows as a table, one page at a time from the server (never more than a page in the browser).
 */
export function DebugPanel({ processId, view, edge, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const { from, to, outport } = edge.data
  const rows = pathRows(view, edge.data)
  const isDebug = view.mode === 'DEBUG'
  const fromLabel = outport ? `${from}.${outport}` : from
  // The panel opens below the graph: bring it into view when a path is picked.
  const box = useRef<HTMLElement>(null)
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [edge.id])
  return (
    <section ref={box} className="card monitor-debug" aria-label={t('monitor.debug.title', { from: fromLabel, to })} data-testid="debug-panel">
      <div className="card-header">
        <h2>{t('monitor.debug.title', { from: fromLabel, to })}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('monitor.debug.close')}
        </button>
      </div>
      {rows !== null && (
        <p className="muted">{t('monitor.debug.crossed', { count: rows, rows: formatCount(rows, i18n.language) })}</p>
      )}
      {!isDebug ? (
        <p className="monitor-hint">{t('monitor.debug.notDebug')}</p>
      ) : !isFinishedState(view.state) ? (
        <p className="monitor-hint">{t('monitor.debug.notYet')}</p>
      ) : (
        <DebugRows key={`${from}\u0000${outport}`} processId={processId} stop={from} port={outport} />
      )}
    </section>
  )
}

function DebugRows({ processId, stop, port }: { processId: string; stop: string; port: string }) {
  const { t, i18n } = useTranslation()
  const [offset, setOffset] = useState(0)
  const page = useDebugPage(processId, { stop, port, offset })

  if (page.isPending) return <Loading />
  if (page.isError) {
    if (isApiError(page.error, 404)) return <p className="monitor-hint">{t('monitor.debug.none')}</p>
    return <ErrorBanner error={page.error} />
  }
  const data: DebugPage = page.data
  const fields: SchemaField[] = data.schema.fields ?? data.columns.map((name) => ({ name, type: '?' }))
  const columns = data.columns.length ? data.columns : fields.map((field) => field.name)
  const types = new Map(fields.map((field) => [field.name, typeName(field.type)]))
  const language = i18n.language
  const first = data.rows.length ? data.offset + 1 : 0
  const last = data.offset + data.rows.length
  const pages = Math.max(1, Math.ceil(data.sampled / DEBUG_PAGE_SIZE))
  const current = Math.floor(data.offset / DEBUG_PAGE_SIZE) + 1

  return (
    <div className="monitor-debug-body">
      <p className="muted">
        {data.total_rows !== null
          ? t('monitor.debug.sample', { sampled: formatCount(data.sampled, language), total: formatCount(data.total_rows, language) })
          : t('monitor.debug.sampleUnknownTotal', { sampled: formatCount(data.sampled, language) })}
      </p>
      <details className="monitor-schema">
        <summary>{t('monitor.debug.schema')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th>{t('monitor.debug.column')}</th>
              <th>{t('monitor.debug.type')}</th>
              <th>{t('monitor.debug.nullable')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.name}>
                <td>
                  <code>{field.name}</code>
                </td>
                <td>
                  <code>{typeName(field.type)}</code>
                </td>
                <td>{field.nullable === false ? t('monitor.stop.no') : '✓'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {data.sampled === 0 ? (
        <p className="monitor-hint">{t('monitor.debug.empty')}</p>
      ) : (
        <>
          <div className="table-wrap monitor-rows-wrap">
            <table className="table monitor-rows" aria-label={t('monitor.debug.table')}>
              <thead>
                <tr>
                  <th className="num">{t('monitor.debug.rowNumber')}</th>
                  {columns.map((column) => (
                    <th key={column}>
                      <span className="monitor-column-name">{column}</span>
                      <span className="monitor-column-type">{types.get(column) ?? ''}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row, i) => (
                  <tr key={data.offset + i}>
                    <td className="num muted">{data.offset + i + 1}</td>
                    {columns.map((column) => {
                      const value = cell(row[column])
                      return (
                        <td key={column} className={value === null ? 'monitor-null' : undefined}>
                          {value === null ? t('monitor.debug.null') : value}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={t('monitor.debug.pages')}>
            <span className="muted">
              {t('monitor.debug.range', {
                first: formatCount(first, language),
                last: formatCount(last, language),
                sampled: formatCount(data.sampled, language),
              })}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={offset <= 0}
              onClick={() => setOffset(Math.max(0, offset - DEBUG_PAGE_SIZE))}
            >
              {t('common.previous')}
            </button>
            <span>{t('common.pageOf', { page: current, pages })}</span>
            <button
              type="button"
              className="btn btn-small"
              disabled={last >= data.sampled}
              onClick={() => setOffset(offset + DEBUG_PAGE_SIZE)}
            >
              {t('common.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  )
}
